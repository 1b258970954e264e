import { countryName } from "@/lib/countries";
import { getT } from "@/lib/i18n/instance";
import type { Answers } from "@/features/requirements/fields";
import { privateSections, sectionFields, type PrivateSection } from "../schemas";

interface Props {
  lng: string;
  customer: string;
  company: { name: string; description: string; website: string; addressLine: string; city: string; country: string; categories: string };
  shared: PrivateSection[];
  sections: Partial<Record<PrivateSection, Answers>>;
  documents: { id: string; filename: string; size: number }[] | null;
  /** Shared sections the viewer may not read (the page says so instead of showing them) */
  withheld?: PrivateSection[];
}

/** A supplier profile as one customer sees it: public fields plus the shared sections only. */
export function ProfileView({ lng, customer, company, shared, sections, documents, withheld = [] }: Props) {
  const t = getT(lng, "profile");
  const show = (v: string) => v || t("notProvided");
  const notShared = privateSections.filter((s) => !shared.includes(s));
  return (
    <div className="space-y-5" data-testid="profile-preview">
      <section className="rounded border p-4" aria-labelledby="pv-public">
        <h2 id="pv-public" className="font-semibold">
          {t("public.title")}
        </h2>
        <dl className="mt-2 grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-1 text-sm">
          <dt className="text-gray-600">{t("fields.name")}</dt>
          <dd>{company.name}</dd>
          <dt className="text-gray-600">{t("fields.description")}</dt>
          <dd className="whitespace-pre-line">{show(company.description)}</dd>
          <dt className="text-gray-600">{t("fields.website")}</dt>
          <dd>{show(company.website)}</dd>
          <dt className="text-gray-600">{t("fields.addressLine")}</dt>
          <dd>{show([company.addressLine, company.city, company.country ? countryName(company.country, lng) : ""].filter(Boolean).join(", "))}</dd>
          <dt className="text-gray-600">{t("fields.categories")}</dt>
          <dd>{show(company.categories.split(",").filter(Boolean).join(", "))}</dd>
        </dl>
      </section>
      {shared.map((s) => (
        <section key={s} className="rounded border p-4" aria-labelledby={`pv-${s}`} data-testid={`preview-section-${s}`}>
          <h2 id={`pv-${s}`} className="font-semibold">
            {t(`sections.${s}`)}
          </h2>
          {withheld.includes(s) ? (
            <p className="mt-2 text-sm text-gray-600" data-testid={`withheld-${s}`}>
              {t("private.withheld")}
            </p>
          ) : s === "DOCUMENTS" ? (
            documents && documents.length ? (
              <ul className="mt-2 list-disc pl-5 text-sm">
                {documents.map((d) => (
                  <li key={d.id}>{d.filename}</li>
                ))}
              </ul>
            ) : (
              <p className="mt-2 text-sm text-gray-600">{t("documents.none")}</p>
            )
          ) : (
            <dl className="mt-2 grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-1 text-sm">
              {sectionFields[s].map((f) => {
                const v = sections[s]?.[f.key];
                const text = v === undefined || v === "" ? t("notProvided") : f.type === "country" ? countryName(String(v), lng) : String(v);
                return [
                  <dt key={`${f.key}-t`} className="text-gray-600">
                    {t(`fields.${f.key}`)}
                  </dt>,
                  <dd key={`${f.key}-d`} className="whitespace-pre-line break-words">
                    {text}
                  </dd>,
                ];
              })}
            </dl>
          )}
        </section>
      ))}
      <p className="text-sm text-gray-600" data-testid="preview-not-shared">
        {shared.length === 0
          ? t("preview.nothingShared", { customer })
          : notShared.length > 0 && t("preview.notShared", { customer, sections: notShared.map((s) => t(`sections.${s}`)).join(", ") })}
      </p>
    </div>
  );
}
