import { describe, expect, it } from "vitest";
import { inputName, validateStep } from "@/features/requirements/fields";
import { banners, nextState, progress } from "@/features/onboarding/progress";
import type { RequirementStep } from "@/features/requirements/requirements";
import { isValidIban, isValidRoutingNumber, isValidSwift } from "@/lib/bank";

const label = { en: "L", zh: "L" };
const one = (type: RequirementStep["fields"][number]["type"], extra: Partial<RequirementStep["fields"][number]> = {}): RequirementStep => ({
  key: "s",
  kind: "other",
  title: label,
  fields: [{ key: "v", type, label, required: true, ...extra }],
});
const check = (step: RequirementStep, value: string) => validateStep(step, { [inputName("v")]: value }, "submit");

describe("field types", () => {
  const cases: [RequirementStep, string[], string[], string][] = [
    [one("text"), ["Acme Ltd"], ["x".repeat(501)], "validation.tooLong"],
    [one("number"), ["12", "12.5", "-3", "7,25"], ["twelve", "1e5", "12.5.1"], "onboarding:validation.number"],
    [one("date"), ["2020-02-29", "1999-12-31"], ["2021-02-29", "31/12/1999", "2020-13-01"], "onboarding:validation.date"],
    [one("select", { options: [{ value: "small", label }] }), ["small"], ["huge"], "onboarding:validation.select"],
    [one("country"), ["CN", "de"], ["XX", "China"], "onboarding:validation.country"],
    [one("address"), ["12 Harbour Road, Ningbo 315000"], ["abc"], "onboarding:validation.address"],
    [one("email"), ["ar@acme.test"], ["not-an-email", "a@b"], "validation.email"],
    [one("phone"), ["+86 21 5555 0100", "(555) 123-4567"], ["12345", "call me", "+1 234567890123456"], "onboarding:validation.phone"],
    [
      one("iban"),
      ["DE89 3704 0044 0532 0130 00", "GB82WEST12345698765432"],
      ["DE89 3704 0044 0532 0130 01", "DE8937040044053201300", "12345"],
      "onboarding:validation.iban",
    ],
    [one("swift"), ["DEUTDEFF", "deutdeff500", "NWBKGB2L"], ["DEUTDEF", "DEUT1EFF", "DEUTDEFF5000"], "onboarding:validation.swift"],
    [one("bankAccount"), ["0123456789", "12-3456-78"], ["12", "ABCDEFG1", "12345!"], "onboarding:validation.bankAccount"],
    [one("routingNumber"), ["011000015", "021000021"], ["011000016", "12345678", "000000000"], "onboarding:validation.routingNumber"],
    [one("confirm"), ["on"], ["no"], "validation.mustConfirm"],
  ];
  for (const [step, good, bad, message] of cases) {
    it(`${step.fields[0].type}: accepts valid values and explains invalid ones`, () => {
      for (const v of good) expect(check(step, v).ok, v).toBe(true);
      for (const v of bad) {
        const r = check(step, v);
        expect(r.ok, v).toBe(false);
        if (!r.ok) expect(r.errors[inputName("v")]).toEqual([message]);
      }
    });
  }

  it("normalises bank values", () => {
    const r = check(one("iban"), "de89 3704 0044 0532 0130 00");
    expect(r.ok && r.answers.v).toBe("DE89370400440532013000");
    const s = check(one("swift"), " deutdeff ");
    expect(s.ok && s.answers.v).toBe("DEUTDEFF");
  });

  it("drafts may leave required fields empty, submissions may not; bad values fail both", () => {
    const step = one("iban");
    expect(validateStep(step, {}, "draft").ok).toBe(true);
    const submit = validateStep(step, {}, "submit");
    expect(!submit.ok && submit.errors[inputName("v")]).toEqual(["validation.required"]);
    expect(validateStep(step, { [inputName("v")]: "DE00" }, "draft").ok).toBe(false);
    const confirm = validateStep(one("confirm"), {}, "submit");
    expect(!confirm.ok && confirm.errors[inputName("v")]).toEqual(["validation.mustConfirm"]);
    const doc = validateStep(one("document"), {}, "submit");
    expect(!doc.ok && doc.errors[inputName("v")]).toEqual(["onboarding:validation.documentRequired"]);
  });

  it("checks the bank algorithms directly", () => {
    expect(isValidIban("FR1420041010050500013M02606")).toBe(true);
    expect(isValidIban("FR1420041010050500013M02607")).toBe(false);
    expect(isValidSwift("BNPAFRPPXXX")).toBe(true);
    expect(isValidRoutingNumber("111000025")).toBe(true);
    expect(isValidRoutingNumber("111000026")).toBe(false);
  });

  it("checks IBANs and BICs against the registry, not only by length and mod-97", () => {
    // Each of these has correct mod-97 check digits and the right length; the old checks accepted them.
    expect(isValidIban("BE41539007547035")).toBe(false); // Belgian national check digits (…70 mod 97 is 34, not 35)
    expect(isValidIban("FR8420041010050500013M02607")).toBe(false); // French RIB key
    expect(isValidIban("GB531234WEST5698765432")).toBe(false); // a UK BBAN starts with a 4-letter bank code
    expect(isValidIban("DE47370400440532013A00")).toBe(false); // a German BBAN is digits only
    expect(isValidIban("XA1412345678901234")).toBe(false); // no such IBAN country
    expect(isValidIban("BE68 5390 0754 7034")).toBe(true);
    expect(isValidIban("NO93\t8601 1117 947")).toBe(true); // a pasted tab is dropped like a space
    expect(isValidSwift("DEUTXXFF")).toBe(false); // XX is not a country
    expect(isValidSwift("ICBKCNBJ")).toBe(true);
  });
});

describe("progress and banners", () => {
  const business: RequirementStep = { key: "business", kind: "business", title: label, fields: [{ key: "a", type: "text", label, required: true }] };
  const payment: RequirementStep = { key: "payment", kind: "payment", title: label, fields: [{ key: "b", type: "text", label, required: true }] };
  const steps = [business, payment];

  it("shows both banners before anything is done, as in the guide", () => {
    expect(banners("NOT_STARTED", steps, [])).toEqual({ payment: { stepKey: "payment" }, steps: { stepKey: "business" } });
  });
  it("shows only the payment banner when only the payment step is open", () => {
    expect(
      banners("IN_PROGRESS", steps, [
        { stepKey: "business", status: "SUBMITTED" },
        { stepKey: "payment", status: "DRAFT" },
      ]),
    ).toEqual({
      payment: { stepKey: "payment" },
    });
  });
  it("shows only the steps banner when payment is done", () => {
    expect(banners("IN_PROGRESS", steps, [{ stepKey: "payment", status: "SUBMITTED" }])).toEqual({ steps: { stepKey: "business" } });
  });
  it("shows no banner when submitted, approved, or nothing is required", () => {
    const all = [
      { stepKey: "business", status: "SUBMITTED" },
      { stepKey: "payment", status: "SUBMITTED" },
    ];
    expect(banners("SUBMITTED", steps, all)).toEqual({});
    expect(banners("APPROVED", steps, all)).toEqual({});
    expect(banners("NOT_STARTED", [], [])).toEqual({});
  });
  it("reopened steps after a change request bring the banner back", () => {
    expect(
      banners("CHANGES_REQUESTED", steps, [
        { stepKey: "business", status: "CHANGES_REQUESTED" },
        { stepKey: "payment", status: "APPROVED" },
      ]),
    ).toEqual({
      steps: { stepKey: "business" },
    });
  });
  it("counts progress and moves the state", () => {
    expect(progress(steps, [{ stepKey: "business", status: "SUBMITTED" }])).toEqual({ done: 1, total: 2, percent: 50 });
    expect(nextState("NOT_STARTED", steps, [{ stepKey: "business", status: "DRAFT" }])).toBe("IN_PROGRESS");
    expect(
      nextState("IN_PROGRESS", steps, [
        { stepKey: "business", status: "SUBMITTED" },
        { stepKey: "payment", status: "SUBMITTED" },
      ]),
    ).toBe("SUBMITTED");
    expect(nextState("CHANGES_REQUESTED", steps, [{ stepKey: "business", status: "DRAFT" }])).toBe("CHANGES_REQUESTED");
  });
});
