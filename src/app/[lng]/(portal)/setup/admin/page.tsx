import type { Metadata } from "next";
import { ApproveJoinForm, EditAccessForm, InviteForm, RowButton, type GrantOptions } from "@/features/supplier-users/components/forms";
import { INVITE_TTL_DAYS, teamView, type TeamView } from "@/features/supplier-users/service";
import { getT } from "@/lib/i18n/instance";
import { requireUser } from "@/server/guards";
import {
  approveJoinAction,
  deactivateAction,
  declineJoinAction,
  inviteAction,
  reactivateAction,
  resendInvitationAction,
  revokeInvitationAction,
  updateAccessAction,
} from "./actions";

export async function generateMetadata({ params }: { params: Promise<{ lng: string }> }): Promise<Metadata> {
  return { title: getT((await params).lng, "users")("title") };
}

type Customer = { id: string; name: string; nameZh: string };

/** Setup -> Admin: the company's users, invitations and join requests. */
export default async function SetupAdminPage({ params }: { params: Promise<{ lng: string }> }) {
  const { lng } = await params;
  const user = await requireUser(lng, `/${lng}/setup/admin`);
  const t = getT(lng, "users");
  const view = user.supplierId ? await teamView({ id: user.id, supplierId: user.supplierId }) : null;
  if (!view) {
    return (
      <section className="rounded-lg border bg-white p-6" data-testid="admin-refused">
        <h1 className="text-xl font-semibold">{t("refused.title")}</h1>
        <p className="mt-3 text-gray-700">{t("refused.body")}</p>
      </section>
    );
  }

  const label = (c: Customer) => (lng === "zh" && c.nameZh ? c.nameZh : c.name);
  const date = new Intl.DateTimeFormat(lng === "zh" ? "zh-CN" : "en-GB", { dateStyle: "medium", timeStyle: "short" });
  const day = new Intl.DateTimeFormat(lng === "zh" ? "zh-CN" : "en-GB", { dateStyle: "medium" });
  const options: GrantOptions = {
    grantable: view.grantable,
    customers: view.customers.map((c) => ({ id: c.id, label: label(c) })),
    allowAll: view.me.allCustomers,
  };
  const permissionText = (perms: string[]) =>
    perms.length ? perms.map((p) => t(`permissions.${p}`)).join(", ") : t("permissions.none");
  const accessText = (a: { allCustomers: boolean; customers: Customer[]; hiddenCustomers?: number }) =>
    a.allCustomers
      ? t("access.all")
      : [a.customers.map(label).join(", "), a.hiddenCustomers ? t("access.hidden", { count: a.hiddenCustomers }) : ""]
          .filter(Boolean)
          .join(" ") || "—";

  return (
    <div className="space-y-8">
      <section>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="mt-2 text-gray-700">{t("intro")}</p>
      </section>

      <section aria-labelledby="users-heading" className="rounded-lg border bg-white p-4 sm:p-6">
        <h2 id="users-heading" className="text-lg font-semibold">{t("list.title")}</h2>
        <div className="mt-4 overflow-x-auto">
          <table className="min-w-full text-left text-sm" data-testid="users-table">
            <thead className="border-b text-gray-600">
              <tr>
                <th scope="col" className="py-2 pr-4">{t("list.name")}</th>
                <th scope="col" className="py-2 pr-4">{t("list.email")}</th>
                <th scope="col" className="py-2 pr-4">{t("list.permissions")}</th>
                <th scope="col" className="py-2 pr-4">{t("list.customers")}</th>
                <th scope="col" className="py-2 pr-4">{t("list.status")}</th>
                <th scope="col" className="py-2 pr-4">{t("list.lastSignIn")}</th>
                <th scope="col" className="py-2">{t("list.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {view.users.map((u) => (
                <UserRow key={u.id} u={u} lng={lng} t={t} options={options} date={date} permissionText={permissionText} accessText={accessText} />
              ))}
            </tbody>
          </table>
        </div>
        <p className="mt-3 text-xs text-gray-600">{t("list.deactivateHint")}</p>
      </section>

      <section aria-labelledby="invite-heading" className="rounded-lg border bg-white p-4 sm:p-6">
        <h2 id="invite-heading" className="mb-3 text-lg font-semibold">{t("invite.title")}</h2>
        <div className="max-w-xl">
          <InviteForm action={inviteAction} lng={lng} options={options} days={INVITE_TTL_DAYS} />
        </div>
      </section>

      <section aria-labelledby="invitations-heading" className="rounded-lg border bg-white p-4 sm:p-6">
        <h2 id="invitations-heading" className="text-lg font-semibold">{t("invitations.title")}</h2>
        {view.invitations.length === 0 ? (
          <p className="mt-3 text-gray-700">{t("invitations.empty")}</p>
        ) : (
          <ul className="mt-3 divide-y" data-testid="invitations">
            {view.invitations.map((i) => (
              <li key={i.email} className="flex flex-wrap items-start justify-between gap-3 py-3" data-testid="invitation-row">
                <div className="text-sm">
                  <p className="font-medium">{i.email}</p>
                  <p className="text-gray-700">
                    {permissionText(i.permissions)} · {accessText(i)}
                  </p>
                  <p className="text-gray-600">
                    {t("invitations.sentOn", { date: day.format(i.createdAt) })} ·{" "}
                    {i.expired ? (
                      <span className="font-medium text-red-700">{t("invitations.expired")}</span>
                    ) : (
                      t("invitations.expiresOn", { date: day.format(i.expiresAt) })
                    )}
                    {i.fromJoinRequest && <> · {t("invitations.fromJoinRequest")}</>}
                  </p>
                </div>
                <div className="flex flex-wrap gap-2">
                  <RowButton action={resendInvitationAction} lng={lng} fields={{ email: i.email }} label={t("invitations.resend")} ariaLabel={t("invitations.resendFor", { email: i.email })} />
                  <RowButton action={revokeInvitationAction} lng={lng} fields={{ email: i.email }} label={t("invitations.revoke")} ariaLabel={t("invitations.revokeFor", { email: i.email })} danger />
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="join-heading" className="rounded-lg border bg-white p-4 sm:p-6">
        <h2 id="join-heading" className="text-lg font-semibold">{t("join.title")}</h2>
        <p className="mt-2 text-sm text-gray-700">{t("join.intro")}</p>
        {view.joinRequests.length === 0 ? (
          <p className="mt-3 text-gray-700">{t("join.empty")}</p>
        ) : (
          <ul className="mt-3 divide-y" data-testid="join-requests">
            {view.joinRequests.map((j) => (
              <li key={j.id} className="space-y-3 py-4" data-testid="join-request-row">
                <div className="text-sm">
                  <p className="font-medium">
                    {j.name} · {j.email}
                  </p>
                  <p className="text-gray-600">{t("join.requestedOn", { date: day.format(j.createdAt) })}</p>
                </div>
                <div className="grid gap-4 md:grid-cols-[1fr_auto]">
                  <ApproveJoinForm action={approveJoinAction} lng={lng} requestId={j.id} name={j.name} options={options} />
                  <RowButton action={declineJoinAction} lng={lng} fields={{ requestId: j.id }} label={t("join.decline")} ariaLabel={t("join.declineFor", { name: j.name })} danger />
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

function UserRow({
  u,
  lng,
  t,
  options,
  date,
  permissionText,
  accessText,
}: {
  u: TeamView["users"][number];
  lng: string;
  t: ReturnType<typeof getT>;
  options: GrantOptions;
  date: Intl.DateTimeFormat;
  permissionText: (p: string[]) => string;
  accessText: (a: { allCustomers: boolean; customers: Customer[]; hiddenCustomers?: number }) => string;
}) {
  const active = u.status === "ACTIVE";
  return (
    <>
      <tr className={`align-top ${u.manageable ? "" : "border-b last:border-b-0"}`} data-testid="user-row" data-email={u.email}>
        <td className="py-3 pr-4 font-medium">
          {u.name} {u.isSelf && <span className="font-normal text-gray-600">{t("list.you")}</span>}
        </td>
        <td className="py-3 pr-4">{u.email}</td>
        <td className="py-3 pr-4" data-testid="user-permissions">{permissionText(u.permissions)}</td>
        <td className="py-3 pr-4" data-testid="user-customers">{accessText(u)}</td>
        <td className="py-3 pr-4" data-testid="user-status">
          <span className={active ? "text-green-800" : "text-gray-600"}>{t(`list.statuses.${u.status}`)}</span>
        </td>
        <td className="whitespace-nowrap py-3 pr-4">{u.lastSignInAt ? date.format(u.lastSignInAt) : t("list.never")}</td>
        <td className="py-3">
          {!u.manageable ? (
            <p className="max-w-[14rem] text-xs text-gray-600">{t("list.outranked")}</p>
          ) : (
            !u.isSelf &&
            (active ? (
              <RowButton key="deactivate" action={deactivateAction} lng={lng} fields={{ userId: u.id }} label={t("list.deactivate")} ariaLabel={t("list.deactivateFor", { name: u.name })} danger />
            ) : (
              <RowButton key="reactivate" action={reactivateAction} lng={lng} fields={{ userId: u.id }} label={t("list.reactivate")} ariaLabel={t("list.reactivateFor", { name: u.name })} />
            ))
          )}
        </td>
      </tr>
      {u.manageable && (
        <tr className="border-b last:border-b-0" data-testid="user-edit-row" data-email={u.email}>
          <td colSpan={7} className="pb-3">
            <details>
              <summary className="cursor-pointer text-sm text-brand underline">{t("list.editFor", { name: u.name })}</summary>
              <div className="mt-2 max-w-xl rounded border bg-gray-50 p-3">
                <EditAccessForm
                  action={updateAccessAction}
                  lng={lng}
                  userId={u.id}
                  options={options}
                  initial={{ permissions: u.permissions, allCustomers: u.allCustomers, customerIds: u.customers.map((c) => c.id) }}
                />
              </div>
            </details>
          </td>
        </tr>
      )}
    </>
  );
}
