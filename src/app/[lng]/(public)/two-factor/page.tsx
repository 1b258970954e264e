import Link from "next/link";
import { ActionButton } from "@/components/action-button";
import { AddPasskeyForm, RegenerateCodesForm, TotpEnrolment } from "@/features/second-factor/components/forms";
import { companyRequiresSecondFactor, companyUsersWithFactor, pendingTotpEnrolment, secondFactorStatus } from "@/features/second-factor/service";
import { formatDateTime } from "@/lib/format";
import { readerTimeZone } from "@/server/time-zone";
import { getT } from "@/lib/i18n/instance";
import { can } from "@/lib/permissions";
import { requireUser } from "@/server/guards";
import {
  addPasskeyAction,
  companyPolicyAction,
  confirmTotpAction,
  disableTotpAction,
  passkeyOptionsAction,
  regenerateCodesAction,
  removePasskeyAction,
  resetColleagueFactorAction,
  startTotpAction,
} from "./actions";

export async function generateMetadata({ params }: { params: Promise<{ lng: string }> }) {
  return { title: getT((await params).lng, "mfa")("title") };
}

/** Two-factor sign-in: the authenticator app, recovery codes, passkeys; for company admins the company's policy and resets. */
export default async function TwoFactorPage({ params }: { params: Promise<{ lng: string }> }) {
  const tz = await readerTimeZone();
  const { lng } = await params;
  const me = await requireUser(lng, `/${lng}/two-factor`);
  const t = getT(lng, "mfa");
  const [status, pending] = await Promise.all([secondFactorStatus(me.id), pendingTotpEnrolment(me.id, me.email)]);
  const companyAdmin = me.kind === "SUPPLIER" && me.supplierId && can(me.permissions, "admin") ? me.supplierId : null;
  const [required, colleagues] = companyAdmin
    ? await Promise.all([companyRequiresSecondFactor(companyAdmin), companyUsersWithFactor(companyAdmin)])
    : [false, []];
  const section = "space-y-3 border-t pt-4";
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      {me.mustEnrol && (
        <p role="status" className="rounded border border-amber-300 bg-amber-50 p-3 text-sm" data-testid="enrol-required">
          {t(me.kind === "STAFF" ? "requiredStaff" : "requiredCompany")}
        </p>
      )}
      <p className="text-sm" data-testid="mfa-status">
        {status.enabled ? t("statusOn") : t("statusOff")}
      </p>

      <section className={section} aria-labelledby="totp-title">
        <h2 id="totp-title" className="text-lg font-semibold">
          {t("totp.title")}
        </h2>
        {status.totp && <p className="text-sm">{t("totp.on")}</p>}
        <TotpEnrolment action={confirmTotpAction} lng={lng} pending={pending ? { qr: pending.qr, secret: pending.secret } : null} />
        {!pending && (
          <ActionButton action={startTotpAction} lng={lng} fields={{}}>
            {status.totp ? t("totp.replace") : t("totp.start")}
          </ActionButton>
        )}
        {status.totp && (
          <ActionButton action={disableTotpAction} lng={lng} fields={{}} confirm={t("totp.disableConfirm")}>
            {t("totp.disable")}
          </ActionButton>
        )}
      </section>

      <section className={section} aria-labelledby="passkeys-title">
        <h2 id="passkeys-title" className="text-lg font-semibold">
          {t("passkeys.title")}
        </h2>
        <p className="text-sm text-gray-700">{t("passkeys.intro")}</p>
        <ul className="divide-y" data-testid="passkeys">
          {status.passkeys.map((p) => (
            <li key={p.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm" data-testid="passkey">
              <span>
                <strong>{p.name}</strong> · {t("passkeys.added", { when: formatDateTime(p.createdAt, lng, tz) })}
                {p.lastUsedAt ? ` · ${t("passkeys.lastUsed", { when: formatDateTime(p.lastUsedAt, lng, tz) })}` : ""}
              </span>
              <ActionButton action={removePasskeyAction} lng={lng} fields={{ passkeyId: p.id }} ariaLabel={t("passkeys.removeNamed", { name: p.name })}>
                {t("passkeys.remove")}
              </ActionButton>
            </li>
          ))}
        </ul>
        <AddPasskeyForm action={addPasskeyAction} optionsAction={passkeyOptionsAction} lng={lng} />
      </section>

      {status.enabled && (
        <section className={section} aria-labelledby="recovery-title">
          <h2 id="recovery-title" className="text-lg font-semibold">
            {t("recovery.title")}
          </h2>
          <p className="text-sm" data-testid="recovery-left">
            {t("recovery.left", { count: status.recoveryCodesLeft })}
          </p>
          <RegenerateCodesForm action={regenerateCodesAction} lng={lng} />
        </section>
      )}

      {companyAdmin && (
        <section className={section} aria-labelledby="policy-title">
          <h2 id="policy-title" className="text-lg font-semibold">
            {t("policy.title")}
          </h2>
          <p className="text-sm">{required ? t("policy.on") : t("policy.off")}</p>
          <ActionButton action={companyPolicyAction} lng={lng} fields={{ required: required ? "off" : "on" }}>
            {required ? t("policy.turnOff") : t("policy.turnOn")}
          </ActionButton>
          {colleagues.filter((c) => c.id !== me.id).length > 0 && (
            <>
              <h3 className="font-semibold">{t("reset.title")}</h3>
              <p className="text-sm text-gray-700">{t("reset.intro")}</p>
              <ul className="divide-y text-sm">
                {colleagues
                  .filter((c) => c.id !== me.id)
                  .map((c) => (
                    <li key={c.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                      <span>
                        {c.name} ({c.email})
                      </span>
                      <ActionButton
                        action={resetColleagueFactorAction}
                        lng={lng}
                        fields={{ userId: c.id }}
                        confirm={t("reset.confirm", { name: c.name })}
                        ariaLabel={t("reset.buttonNamed", { name: c.name })}
                      >
                        {t("reset.button")}
                      </ActionButton>
                    </li>
                  ))}
              </ul>
            </>
          )}
        </section>
      )}

      <Link href={me.kind === "STAFF" ? `/${lng}/admin` : `/${lng}/home`} className="text-brand underline">
        {t("continue")}
      </Link>
    </div>
  );
}
