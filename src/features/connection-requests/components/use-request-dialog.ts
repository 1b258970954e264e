import { useReducer, useTransition } from "react";
import type { DirectoryHit } from "@/features/customer-search/search";
import type { Allowance } from "../rationing";
import { canSearch, dialogReducer, initialDialogState, type DialogActions, type Preselect } from "./request-dialog-state";

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/**
 * The request dialog's state (see request-dialog-state.ts) and the two calls
 * it makes before sending: the rationed search and the contact check. The
 * free-mail and domain warnings come from the server (the free-mail list is
 * too large for the browser).
 */
export function useRequestDialog({
  lng,
  preselect,
  initialAllowance,
  actions,
}: {
  lng: string;
  preselect?: Preselect;
  initialAllowance: Allowance;
  actions: Pick<DialogActions, "search" | "checkContact">;
}) {
  const [state, dispatch] = useReducer(dialogReducer, { preselect, allowance: initialAllowance }, initialDialogState);
  const [searching, startSearch] = useTransition();

  function search() {
    if (!canSearch(state, searching)) return;
    const query = state.query.trim();
    startSearch(async () => {
      const fd = new FormData();
      fd.set("query", query);
      fd.set("lng", lng);
      const res = await actions.search(undefined, fd);
      if (res.ok) dispatch({ type: "searched", query, ...res.data });
    });
  }

  function choose(hit: DirectoryHit) {
    dispatch({ type: "chose", hit });
  }

  async function checkContact(value: string) {
    const email = value.trim().toLowerCase();
    if (!state.selected || !EMAIL.test(email)) return dispatch({ type: "flagged", flags: [] });
    const fd = new FormData();
    fd.set("customerId", state.selected.id);
    fd.set("contactEmail", email);
    fd.set("lng", lng);
    const res = await actions.checkContact(undefined, fd);
    dispatch({ type: "flagged", flags: res.ok ? res.data.flags : [] });
  }

  return { state, dispatch, searching, search, choose, checkContact };
}
