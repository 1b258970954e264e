import Link from "next/link";
import { Disclosure } from "@/components/disclosure";
import type { FormAction } from "@/lib/action-result";
import { countryOptions } from "@/lib/countries";
import { customerName } from "@/lib/customer-name";
import { getT } from "@/lib/i18n/instance";
import { privateSections, sectionFields } from "../schemas";
import type { loadProfile } from "../service";
import { DocumentUploadForm, PublicProfileForm, SectionForm, SharingForm } from "./forms";

type Profile = Awaited<ReturnType<typeof loadProfile>>;

/**
 * The profile page: public fields, private sections (withheld ones named, not
 * shown), documents, and what is shared with each customer.
 */
export function ProfileScreen({
  lng,
  profile,
  actions,
}: {
  lng: string;
  profile: Profile;
  actions: { updatePublic: FormAction<unknown>; updateSection: FormAction<unknown>; upload: FormAction<unknown>; updateSharing: FormAction<unknown> };
}) {
  const t = getT(lng, "profile");
  const { readOnly } = profile;
  const formSections = privateSections.filter((s) => s !== "DOCUMENTS");
  const countries = countryOptions(lng);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      {readOnly && <p className="rounded border bg-gray-50 p-3 text-sm">{t("readOnly")}</p>}

      <section aria-labelledby="public-title" className="rounded-lg border bg-white p-4 sm:p-6">
        <h2 id="public-title" className="text-lg font-semibold">
          {t("public.title")}
        </h2>
        <p className="mb-4 text-sm text-gray-700">{t("public.intro")}</p>
        <PublicProfileForm action={actions.updatePublic} lng={lng} values={profile.company} readOnly={readOnly} countries={countries} />
      </section>

      <section aria-labelledby="private-title" className="space-y-4 rounded-lg border bg-white p-4 sm:p-6">
        <div>
          <h2 id="private-title" className="text-lg font-semibold">
            {t("private.title")}
          </h2>
          <p className="text-sm text-gray-700">{t("private.intro")}</p>
        </div>
        {formSections.map((s) => (
          <Disclosure
            key={s}
            className="rounded border p-4"
            data-testid={`section-${s}`}
            defaultOpen={!readOnly && !profile.sections[s]}
            summaryClassName="cursor-pointer font-semibold"
            summary={t(`sections.${s}`)}
          >
            <div className="mt-3">
              {profile.withheld.includes(s) ? (
                <p className="text-sm text-gray-600" data-testid={`withheld-${s}`}>
                  {t("private.withheld")}
                </p>
              ) : (
                <SectionForm
                  action={actions.updateSection}
                  lng={lng}
                  section={s}
                  fields={sectionFields[s]}
                  values={profile.sections[s] ?? {}}
                  readOnly={readOnly}
                  countries={countries}
                />
              )}
            </div>
          </Disclosure>
        ))}
        <details className="rounded border p-4" data-testid="section-DOCUMENTS" open>
          <summary className="cursor-pointer font-semibold">{t("sections.DOCUMENTS")}</summary>
          <div className="mt-3 space-y-3">
            {profile.withheld.includes("DOCUMENTS") ? (
              <p className="text-sm text-gray-600" data-testid="withheld-DOCUMENTS">
                {t("private.withheld")}
              </p>
            ) : profile.documents.length === 0 ? (
              <p className="text-sm text-gray-600">{t("documents.none")}</p>
            ) : (
              <ul className="list-disc pl-5 text-sm" data-testid="documents">
                {profile.documents.map((d) => (
                  <li key={d.id}>
                    <a href={`/${lng}/profile/documents/${d.id}`} className="text-brand underline">
                      {d.filename}
                    </a>{" "}
                    <span className="text-gray-600">({t("documents.size", { size: Math.max(1, Math.round(d.size / 1024)) })})</span>
                  </li>
                ))}
              </ul>
            )}
            {!readOnly && <DocumentUploadForm action={actions.upload} lng={lng} />}
          </div>
        </details>
      </section>

      <section id="sharing" aria-labelledby="sharing-title" className="rounded-lg border bg-white p-4 sm:p-6">
        <h2 id="sharing-title" className="text-lg font-semibold">
          {t("sharing.title")}
        </h2>
        <p className="mb-4 text-sm text-gray-700">{t("sharing.intro")}</p>
        {profile.sharing.length === 0 ? (
          <p className="text-sm text-gray-600">{t("sharing.none")}</p>
        ) : (
          <ul className="divide-y">
            {profile.sharing.map(({ customer, shared }) => {
              const name = customerName(customer, lng);
              return (
                <li key={customer.id} className="space-y-2 py-3" data-testid={`sharing-${customer.id}`}>
                  <div className="flex flex-wrap items-center justify-between gap-2">
                    <h3 className="font-medium">{name}</h3>
                    <Link href={`/${lng}/profile/preview/${customer.id}`} className="text-sm text-brand underline">
                      {t("sharing.preview", { customer: name })}
                    </Link>
                  </div>
                  <SharingForm
                    action={actions.updateSharing}
                    lng={lng}
                    customerId={customer.id}
                    customer={name}
                    sections={privateSections}
                    shared={shared}
                    readOnly={readOnly}
                  />
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </div>
  );
}
