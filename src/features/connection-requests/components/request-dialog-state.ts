import type { DirectoryHit } from "@/features/customer-search/search";
import type { TicketAction } from "@/features/support/components/ticket-form";
import type { FormAction } from "@/lib/action-result";
import type { ContactFlag } from "../normalize";
import type { Allowance } from "../rationing";

/** The server actions the dialog calls (passed down from the page). */
export interface DialogActions {
  search: FormAction<{ hits: DirectoryHit[]; allowance: Allowance; exhausted: boolean }>;
  checkContact: FormAction<{ flags: ContactFlag[] }>;
  request: FormAction<{ status: string }>;
  ticket: TicketAction;
}

/** A customer chosen in the dialog (from a search hit or a suggestion). */
export interface Preselect {
  id: string;
  name: string;
  nameZh: string;
  acceptsRequests: boolean;
}

/**
 * What the request dialog remembers between renders: the rationed search (what
 * was typed, what was searched, the hits, the highlighted option, what is left
 * of the allowance), the chosen customer, the contact's email and warnings,
 * and the consent. The email and consent live here so that a visit to the
 * support form and back keeps them.
 */
export interface DialogState {
  view: "request" | "support";
  selected: Preselect | null;
  query: string;
  /** The query the current hits answer */
  searchedFor: string;
  /** null: no list to show (never searched, allowance exhausted, or closed with Escape) */
  hits: DirectoryHit[] | null;
  /** The highlighted option, -1 for none */
  active: number;
  allowance: Allowance;
  exhausted: boolean;
  email: string;
  flags: ContactFlag[];
  consent: boolean;
}

export type DialogEvent =
  | { type: "typed"; query: string }
  | { type: "searched"; query: string; hits: DirectoryHit[]; allowance: Allowance; exhausted: boolean }
  | { type: "highlighted"; index: number }
  | { type: "listClosed" }
  | { type: "chose"; hit: DirectoryHit }
  | { type: "changeCustomer" }
  | { type: "emailTyped"; email: string }
  | { type: "flagged"; flags: ContactFlag[] }
  | { type: "consented"; consent: boolean }
  | { type: "showSupport" }
  | { type: "showRequest" };

export function initialDialogState({ preselect, allowance }: { preselect?: Preselect; allowance: Allowance }): DialogState {
  return {
    view: "request",
    selected: preselect ?? null,
    query: "",
    searchedFor: "",
    hits: null,
    active: -1,
    allowance,
    exhausted: allowance.remaining === 0,
    email: "",
    flags: [],
    consent: false,
  };
}

export function dialogReducer(state: DialogState, event: DialogEvent): DialogState {
  switch (event.type) {
    case "typed":
      return { ...state, query: event.query, active: -1 };
    case "searched":
      return {
        ...state,
        allowance: event.allowance,
        exhausted: event.exhausted || event.allowance.remaining === 0,
        searchedFor: event.query,
        hits: event.exhausted ? null : event.hits,
        active: event.hits.length ? 0 : -1,
      };
    case "highlighted":
      return { ...state, active: event.index };
    case "listClosed":
      return { ...state, hits: null };
    case "chose": {
      const { id, name, nameZh, acceptsRequests } = event.hit;
      return { ...state, selected: { id, name, nameZh, acceptsRequests }, flags: [] };
    }
    case "changeCustomer":
      return { ...state, selected: null };
    case "emailTyped":
      return { ...state, email: event.email };
    case "flagged":
      return { ...state, flags: event.flags };
    case "consented":
      return { ...state, consent: event.consent };
    case "showSupport":
      return { ...state, view: "support" };
    case "showRequest":
      return { ...state, view: "request" };
  }
}

/** The list is open when there are hits to choose from and no customer is chosen yet. */
export function listOpen(state: DialogState): boolean {
  return !!state.hits && state.hits.length > 0 && !state.selected;
}

/** A search may run: at least two characters, attempts left, none running. */
export function canSearch(state: DialogState, searching: boolean): boolean {
  return state.query.trim().length >= 2 && !state.exhausted && !searching;
}

/** Enter on the combobox: choose the highlighted hit if it answers what is typed, otherwise search. */
export function enterAction(state: DialogState): { choose: DirectoryHit } | "search" {
  const hit = listOpen(state) && state.active >= 0 && state.searchedFor === state.query.trim() ? state.hits![state.active] : undefined;
  return hit ? { choose: hit } : "search";
}
