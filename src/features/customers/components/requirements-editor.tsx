"use client";
import { useId, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { fieldTypes, type FieldType, type RequirementStep } from "@/features/requirements/requirements";
import { checkRequirements, type RequirementProblem } from "../form-rules";

type Localized = { en: string; zh: string };
type DraftOption = { value: string; label: Localized };
type DraftField = { key: string; type: FieldType; label: Localized; required: boolean; options?: DraftOption[] };
type DraftStep = { key: string; kind: "business" | "payment" | "other"; title: Localized; fields: DraftField[] };

const stepKinds = ["business", "payment", "other"] as const;
const input = "block w-full rounded border border-gray-300 bg-white px-2 py-1.5 text-sm";
const small = "rounded border border-gray-300 bg-white px-2 py-1 text-xs hover:bg-gray-50 disabled:opacity-40";

function move<T>(list: T[], from: number, to: number): T[] {
  if (to < 0 || to >= list.length) return list;
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item);
  return next;
}

function freeKey(prefix: string, taken: string[]): string {
  for (let n = taken.length + 1; ; n++) if (!taken.includes(`${prefix}${n}`)) return `${prefix}${n}`;
}

function LabelledInput({ label, value, onChange, lang }: { label: string; value: string; onChange: (v: string) => void; lang?: string }) {
  const id = useId();
  return (
    <div>
      <label htmlFor={id} className="block text-xs font-medium text-gray-700">
        {label}
      </label>
      <input id={id} lang={lang} value={value} onChange={(e) => onChange(e.target.value)} className={input} />
    </div>
  );
}

function LabelledSelect<T extends string>({
  label,
  value,
  options,
  onChange,
  text,
}: {
  label: string;
  value: T;
  options: readonly T[];
  onChange: (v: T) => void;
  text: (v: T) => string;
}) {
  const id = useId();
  return (
    <div>
      <label htmlFor={id} className="block text-xs font-medium text-gray-700">
        {label}
      </label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value as T)} className={input}>
        {options.map((o) => (
          <option key={o} value={o}>
            {text(o)}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * Edits a customer's onboarding requirements as steps of fields (add, remove,
 * reorder; type, labels in both languages, required, select options), or as
 * JSON. Problems are listed as they appear; the value travels in the hidden
 * `name` input and the server validates it again.
 */
export function RequirementsEditor({ name, initial, serverError }: { name: string; initial: RequirementStep[]; serverError?: string }) {
  const { t } = useTranslation("staff");
  const [steps, setSteps] = useState<DraftStep[]>(initial as DraftStep[]);
  const [mode, setMode] = useState<"steps" | "json">("steps");
  const [json, setJson] = useState("");
  const value = mode === "steps" ? JSON.stringify(steps) : json;
  const check = useMemo(() => checkRequirements(value), [value]);
  const problems: RequirementProblem[] = check.ok ? [] : check.problems;
  const headingId = useId();

  const updateStep = (s: number, change: Partial<DraftStep>) => setSteps((all) => all.map((step, i) => (i === s ? { ...step, ...change } : step)));
  const updateField = (s: number, f: number, change: Partial<DraftField>) =>
    setSteps((all) => all.map((step, i) => (i === s ? { ...step, fields: step.fields.map((field, j) => (j === f ? { ...field, ...change } : field)) } : step)));

  const addStep = () =>
    setSteps((all) => [
      ...all,
      {
        key: freeKey(
          "step",
          all.map((s) => s.key),
        ),
        kind: "other",
        title: { en: "", zh: "" },
        fields: [{ key: "field1", type: "text", label: { en: "", zh: "" }, required: true }],
      },
    ]);
  const addField = (s: number) =>
    updateStep(s, {
      fields: [
        ...steps[s].fields,
        {
          key: freeKey(
            "field",
            steps[s].fields.map((f) => f.key),
          ),
          type: "text",
          label: { en: "", zh: "" },
          required: true,
        },
      ],
    });

  const toJson = () => {
    setJson(JSON.stringify(steps, null, 2));
    setMode("json");
  };
  const toSteps = () => {
    const parsed = checkRequirements(json);
    if (parsed.ok) {
      setSteps(parsed.steps as DraftStep[]);
      setMode("steps");
    }
  };

  const describe = (p: RequirementProblem) =>
    t(p.key, { ...p.params, where: t(String(p.params.where), p.params), lang: t(`requirements.langs.${p.params.lang}`) });

  return (
    <section aria-labelledby={headingId} className="space-y-3 rounded border bg-gray-50 p-3">
      <input type="hidden" name={name} value={value} />
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id={headingId} className="text-lg font-semibold">
          {t("requirements.title")}
        </h2>
        {mode === "steps" ? (
          <button type="button" className={small} onClick={toJson}>
            {t("requirements.editJson")}
          </button>
        ) : (
          <button type="button" className={small} onClick={toSteps} disabled={!check.ok}>
            {t("requirements.editSteps")}
          </button>
        )}
      </div>
      <p className="text-sm text-gray-700">{t("requirements.intro")}</p>

      {mode === "json" ? (
        <div>
          <label htmlFor={`${headingId}-json`} className="block text-sm font-medium">
            {t("requirements.json")}
          </label>
          <textarea
            id={`${headingId}-json`}
            value={json}
            onChange={(e) => setJson(e.target.value)}
            rows={16}
            spellCheck={false}
            aria-invalid={!check.ok || undefined}
            className="block w-full rounded border border-gray-300 bg-white p-2 font-mono text-xs"
          />
        </div>
      ) : (
        <ol className="space-y-3">
          {steps.length === 0 && <li className="text-sm text-gray-600">{t("requirements.noSteps")}</li>}
          {steps.map((step, s) => (
            <li key={s} className="rounded border bg-white p-3" data-testid="requirement-step">
              <fieldset className="space-y-2">
                <legend className="font-semibold">{t("requirements.step", { n: s + 1 })}</legend>
                <div className="grid gap-2 sm:grid-cols-4">
                  <LabelledInput label={t("requirements.key")} value={step.key} onChange={(key) => updateStep(s, { key })} />
                  <LabelledSelect
                    label={t("requirements.kind")}
                    value={step.kind}
                    options={stepKinds}
                    onChange={(kind) => updateStep(s, { kind })}
                    text={(k) => t(`requirements.kinds.${k}`)}
                  />
                  <LabelledInput
                    label={t("requirements.titleEn")}
                    lang="en"
                    value={step.title.en}
                    onChange={(en) => updateStep(s, { title: { ...step.title, en } })}
                  />
                  <LabelledInput
                    label={t("requirements.titleZh")}
                    lang="zh"
                    value={step.title.zh}
                    onChange={(zh) => updateStep(s, { title: { ...step.title, zh } })}
                  />
                </div>
                <div className="flex flex-wrap gap-2">
                  <button
                    type="button"
                    className={small}
                    disabled={s === 0}
                    onClick={() => setSteps((all) => move(all, s, s - 1))}
                    aria-label={t("requirements.moveStepUp", { n: s + 1 })}
                  >
                    ↑ {t("requirements.up")}
                  </button>
                  <button
                    type="button"
                    className={small}
                    disabled={s === steps.length - 1}
                    onClick={() => setSteps((all) => move(all, s, s + 1))}
                    aria-label={t("requirements.moveStepDown", { n: s + 1 })}
                  >
                    ↓ {t("requirements.down")}
                  </button>
                  <button
                    type="button"
                    className={small}
                    onClick={() => setSteps((all) => all.filter((_, i) => i !== s))}
                    aria-label={t("requirements.removeStep", { n: s + 1 })}
                  >
                    {t("requirements.remove")}
                  </button>
                </div>
                <ol className="space-y-2">
                  {step.fields.map((field, f) => (
                    <li key={f} className="rounded border border-dashed p-2" data-testid="requirement-field">
                      <fieldset className="space-y-2">
                        <legend className="text-sm font-medium">{t("requirements.field", { step: s + 1, n: f + 1 })}</legend>
                        <div className="grid gap-2 sm:grid-cols-4">
                          <LabelledInput label={t("requirements.key")} value={field.key} onChange={(key) => updateField(s, f, { key })} />
                          <LabelledSelect
                            label={t("requirements.type")}
                            value={field.type}
                            options={fieldTypes}
                            onChange={(type) => updateField(s, f, { type, options: type === "select" ? (field.options ?? []) : undefined })}
                            text={(v) => t(`requirements.types.${v}`)}
                          />
                          <LabelledInput
                            label={t("requirements.labelEn")}
                            lang="en"
                            value={field.label.en}
                            onChange={(en) => updateField(s, f, { label: { ...field.label, en } })}
                          />
                          <LabelledInput
                            label={t("requirements.labelZh")}
                            lang="zh"
                            value={field.label.zh}
                            onChange={(zh) => updateField(s, f, { label: { ...field.label, zh } })}
                          />
                        </div>
                        <label className="flex items-center gap-2 text-sm">
                          <input type="checkbox" checked={field.required} onChange={(e) => updateField(s, f, { required: e.target.checked })} />
                          {t("requirements.required")}
                        </label>
                        {field.type === "select" && (
                          <div className="space-y-1 pl-2">
                            <p className="text-xs font-medium text-gray-700">{t("requirements.options")}</p>
                            {(field.options ?? []).map((o, i) => (
                              <div key={i} className="grid gap-2 sm:grid-cols-4 sm:items-end">
                                <LabelledInput
                                  label={t("requirements.optionValue", { n: i + 1 })}
                                  value={o.value}
                                  onChange={(v) => updateField(s, f, { options: field.options!.map((x, k) => (k === i ? { ...x, value: v } : x)) })}
                                />
                                <LabelledInput
                                  label={t("requirements.labelEn")}
                                  lang="en"
                                  value={o.label.en}
                                  onChange={(v) =>
                                    updateField(s, f, { options: field.options!.map((x, k) => (k === i ? { ...x, label: { ...x.label, en: v } } : x)) })
                                  }
                                />
                                <LabelledInput
                                  label={t("requirements.labelZh")}
                                  lang="zh"
                                  value={o.label.zh}
                                  onChange={(v) =>
                                    updateField(s, f, { options: field.options!.map((x, k) => (k === i ? { ...x, label: { ...x.label, zh: v } } : x)) })
                                  }
                                />
                                <button
                                  type="button"
                                  className={small}
                                  onClick={() => updateField(s, f, { options: field.options!.filter((_, k) => k !== i) })}
                                  aria-label={t("requirements.removeOption", { n: i + 1 })}
                                >
                                  {t("requirements.remove")}
                                </button>
                              </div>
                            ))}
                            <button
                              type="button"
                              className={small}
                              onClick={() => updateField(s, f, { options: [...(field.options ?? []), { value: "", label: { en: "", zh: "" } }] })}
                            >
                              + {t("requirements.addOption")}
                            </button>
                          </div>
                        )}
                        <div className="flex flex-wrap gap-2">
                          <button
                            type="button"
                            className={small}
                            disabled={f === 0}
                            onClick={() => updateStep(s, { fields: move(step.fields, f, f - 1) })}
                            aria-label={t("requirements.moveFieldUp", { step: s + 1, n: f + 1 })}
                          >
                            ↑ {t("requirements.up")}
                          </button>
                          <button
                            type="button"
                            className={small}
                            disabled={f === step.fields.length - 1}
                            onClick={() => updateStep(s, { fields: move(step.fields, f, f + 1) })}
                            aria-label={t("requirements.moveFieldDown", { step: s + 1, n: f + 1 })}
                          >
                            ↓ {t("requirements.down")}
                          </button>
                          <button
                            type="button"
                            className={small}
                            onClick={() => updateStep(s, { fields: step.fields.filter((_, j) => j !== f) })}
                            aria-label={t("requirements.removeField", { step: s + 1, n: f + 1 })}
                          >
                            {t("requirements.remove")}
                          </button>
                        </div>
                      </fieldset>
                    </li>
                  ))}
                </ol>
                <button type="button" className={small} onClick={() => addField(s)}>
                  + {t("requirements.addField")}
                </button>
              </fieldset>
            </li>
          ))}
        </ol>
      )}
      {mode === "steps" && (
        <button type="button" className="rounded border border-gray-300 bg-white px-3 py-1.5 text-sm hover:bg-gray-50" onClick={addStep}>
          + {t("requirements.addStep")}
        </button>
      )}
      <div aria-live="polite" data-testid="requirements-problems">
        {problems.length > 0 && (
          <div className="rounded border border-amber-300 bg-amber-50 p-2 text-sm text-amber-900">
            <p className="font-medium">{t("requirements.problemsTitle")}</p>
            <ul className="list-disc pl-5">
              {problems.slice(0, 20).map((p, i) => (
                <li key={i}>{describe(p)}</li>
              ))}
            </ul>
          </div>
        )}
      </div>
      {serverError && (
        <p className="text-sm text-red-700" data-testid="error-requirements">
          {t(serverError)}
        </p>
      )}
    </section>
  );
}
