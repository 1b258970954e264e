import { describe, expect, it } from "vitest";
import {
  canSearch,
  dialogReducer,
  enterAction,
  initialDialogState,
  listOpen,
  type DialogEvent,
  type DialogState,
} from "@/features/connection-requests/components/request-dialog-state";
import type { DirectoryHit } from "@/features/customer-search/search";

const hit = (id: string, name: string): DirectoryHit => ({ id, name, nameZh: "", matched: name, acceptsRequests: true });
const allowance = { limit: 20, used: 0, remaining: 20 };
const run = (events: DialogEvent[], start: DialogState = initialDialogState({ allowance })) => events.reduce(dialogReducer, start);

describe("request dialog state", () => {
  const a = hit("a", "Acme Trading");
  const b = hit("b", "Acme Parts");
  const searched: DialogEvent = { type: "searched", query: "acme", hits: [a, b], allowance: { ...allowance, used: 1, remaining: 19 }, exhausted: false };

  it("opens the list on hits with the first one highlighted, and Enter chooses it", () => {
    const s = run([{ type: "typed", query: "acme " }, searched]);
    expect(listOpen(s)).toBe(true);
    expect(s.active).toBe(0);
    expect(s.allowance.remaining).toBe(19);
    expect(enterAction(s)).toEqual({ choose: a });
    const chosen = run(
      [
        { type: "highlighted", index: 1 },
        { type: "chose", hit: b },
      ],
      s,
    );
    expect(chosen.selected).toEqual({ id: "b", name: "Acme Parts", nameZh: "", acceptsRequests: true });
    expect(listOpen(chosen)).toBe(false);
  });

  it("searches on Enter once the text differs from what the hits answer, or nothing is highlighted", () => {
    const s = run([{ type: "typed", query: "acme" }, searched, { type: "typed", query: "acme p" }]);
    expect(s.active).toBe(-1);
    expect(enterAction(s)).toBe("search");
    expect(enterAction(run([{ type: "typed", query: "acme" }], s))).toBe("search"); // typing clears the highlight
  });

  it("closes the list on Escape and reopens it with the next search", () => {
    const s = run([{ type: "typed", query: "acme" }, searched, { type: "listClosed" }]);
    expect(listOpen(s)).toBe(false);
    expect(enterAction(s)).toBe("search");
    expect(listOpen(dialogReducer(s, searched))).toBe(true);
  });

  it("stops searching when the allowance runs out, keeping what was searched for support", () => {
    const s = run([
      { type: "typed", query: "nobody" },
      { type: "searched", query: "nobody", hits: [], allowance: { limit: 2, used: 2, remaining: 0 }, exhausted: false },
    ]);
    expect(s.exhausted).toBe(true);
    expect(s.searchedFor).toBe("nobody");
    expect(canSearch(s, false)).toBe(false);
    const refused = run([{ type: "searched", query: "x y", hits: [], allowance: { limit: 2, used: 2, remaining: 0 }, exhausted: true }]);
    expect(refused.hits).toBeNull();
  });

  it("needs two characters and no search running", () => {
    expect(canSearch(run([{ type: "typed", query: " a " }]), false)).toBe(false);
    expect(canSearch(run([{ type: "typed", query: "ab" }]), false)).toBe(true);
    expect(canSearch(run([{ type: "typed", query: "ab" }]), true)).toBe(false);
    expect(canSearch(initialDialogState({ allowance: { limit: 2, used: 2, remaining: 0 } }), false)).toBe(false);
  });

  it("clears the contact's warnings when another customer is chosen, and keeps email and consent across views", () => {
    const s = run([
      { type: "chose", hit: a },
      { type: "emailTyped", email: "x@gmail.com" },
      { type: "flagged", flags: ["FREE_MAIL", "DOMAIN_MISMATCH"] },
      { type: "consented", consent: true },
      { type: "showSupport" },
      { type: "showRequest" },
    ]);
    expect(s).toMatchObject({ view: "request", email: "x@gmail.com", consent: true, flags: ["FREE_MAIL", "DOMAIN_MISMATCH"] });
    expect(run([{ type: "changeCustomer" }, { type: "chose", hit: b }], s).flags).toEqual([]);
  });

  it("starts with the suggested customer chosen", () => {
    const s = initialDialogState({ preselect: { id: "p", name: "Pre", nameZh: "预", acceptsRequests: false }, allowance });
    expect(s.selected?.id).toBe("p");
    expect(listOpen(run([searched], s))).toBe(false);
  });
});
