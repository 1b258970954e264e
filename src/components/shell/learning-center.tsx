import Link from "next/link";
import { getT } from "@/lib/i18n/instance";
import { permissions } from "@/lib/permissions";

const faq = ["requests", "attempts", "invitations", "onboarding", "languages", "support"] as const;

/** Learning Center: "Adding users to your account" and the FAQ, linked from the Setup sidebar. */
export function LearningCenter({ lng }: { lng: string }) {
  const t = getT(lng, "learning");
  const tu = getT(lng, "users");
  const list = (key: string) => t(key, { returnObjects: true }) as unknown as string[];
  return (
    <div className="space-y-6">
      <section className="rounded-lg border bg-white p-4 sm:p-6">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="mt-2 text-gray-700">{t("intro")}</p>
      </section>

      <section id="adding-users" aria-labelledby="adding-users-heading" className="scroll-mt-4 space-y-4 rounded-lg border bg-white p-4 sm:p-6">
        <h2 id="adding-users-heading" className="text-xl font-semibold">
          {t("addingUsers.title")}
        </h2>
        <p className="text-gray-700">{t("addingUsers.intro")}</p>
        <h3 className="font-semibold">{t("addingUsers.stepsTitle")}</h3>
        <ol className="list-decimal space-y-2 pl-6 text-gray-800">
          {list("addingUsers.steps").map((s) => (
            <li key={s}>{s}</li>
          ))}
        </ol>
        <h3 className="font-semibold">{t("addingUsers.permissionsTitle")}</h3>
        <dl className="grid gap-x-4 gap-y-2 text-sm sm:grid-cols-[12rem_minmax(0,1fr)]">
          {permissions.map((p) => (
            <div key={p} className="contents">
              <dt className="font-medium">{tu(`permissions.${p}`)}</dt>
              <dd className="text-gray-700">{tu(`permissions.hint.${p}`)}</dd>
            </div>
          ))}
        </dl>
        <h3 className="font-semibold">{t("addingUsers.manageTitle")}</h3>
        <ul className="list-disc space-y-2 pl-6 text-gray-800">
          {list("addingUsers.manage").map((s) => (
            <li key={s}>{s}</li>
          ))}
        </ul>
        <h3 className="font-semibold">{t("addingUsers.joinTitle")}</h3>
        <p className="text-gray-800">{t("addingUsers.join")}</p>
        <Link href={`/${lng}/setup/admin`} className="inline-block text-brand underline">
          {t("addingUsers.goToAdmin")}
        </Link>
      </section>

      <section id="faq" aria-labelledby="faq-heading" className="scroll-mt-4 rounded-lg border bg-white p-4 sm:p-6">
        <h2 id="faq-heading" className="text-xl font-semibold">
          {t("faq.title")}
        </h2>
        <div className="mt-3 divide-y">
          {faq.map((key) => (
            <details key={key} className="py-3" data-testid={`faq-${key}`}>
              <summary className="cursor-pointer font-medium">{t(`faq.items.${key}.q`)}</summary>
              <p className="mt-2 text-gray-700">{t(`faq.items.${key}.a`)}</p>
            </details>
          ))}
        </div>
      </section>
    </div>
  );
}
