"use client";
import { useCombobox, type UseComboboxState, type UseComboboxStateChangeOptions } from "downshift";
import type { Dispatch, KeyboardEvent } from "react";
import { useTranslation } from "react-i18next";
import { customerName } from "@/lib/customer-name";
import type { DirectoryHit } from "@/features/customer-search/search";
import { enterAction, listOpen, type DialogEvent, type DialogState } from "./request-dialog-state";

const input = "block w-full rounded border border-gray-300 bg-white px-3 py-2 text-base shadow-sm";

const types = useCombobox.stateChangeTypes;
/**
 * The downshift changes we take: typing, moving the highlight, clicking an
 * option. Enter and Escape are ours (Enter searches or chooses, Escape closes
 * the list before it closes the dialog); blurring or clicking the input
 * changes nothing, as before (downshift would choose the highlighted hit on
 * blur).
 */
const taken = new Set<string>([
  types.InputChange,
  types.InputKeyDownArrowDown,
  types.InputKeyDownArrowUp,
  types.InputKeyDownHome,
  types.InputKeyDownEnd,
  types.InputKeyDownPageUp,
  types.InputKeyDownPageDown,
  types.ItemMouseMove,
  types.ItemClick,
]);

function stateReducer(state: UseComboboxState<DirectoryHit>, { type, changes }: UseComboboxStateChangeOptions<DirectoryHit>) {
  return taken.has(type) ? changes : state;
}

/** Marks a key as handled here so that downshift's own handler skips it. */
function handled(e: KeyboardEvent<HTMLInputElement>) {
  (e.nativeEvent as globalThis.KeyboardEvent & { preventDownshiftDefault?: boolean }).preventDownshiftDefault = true;
}

/**
 * The rationed customer search as an ARIA combobox (downshift's useCombobox):
 * type, press Enter or Search to spend one attempt, move through the hits
 * with the arrow keys, Enter or click to choose. All state lives in the
 * dialog's reducer; downshift supplies the ARIA wiring and keyboard moves.
 */
export function CustomerCombobox({
  lng,
  state,
  dispatch,
  ids,
  invalid,
  searching,
  onSearch,
  onChoose,
}: {
  lng: string;
  state: DialogState;
  dispatch: Dispatch<DialogEvent>;
  /** Element ids: the input, its label, the list, the attempts line that describes it */
  ids: { input: string; label: string; list: string; describedBy: string };
  invalid: boolean;
  searching: boolean;
  onSearch: () => void;
  onChoose: (hit: DirectoryHit) => void;
}) {
  const { t } = useTranslation("requests");
  const { hits, exhausted, allowance, active, searchedFor } = state;
  const open = listOpen(state);
  const optionId = (i: number) => `${ids.list}-opt-${i}`;

  const { getInputProps, getMenuProps, getItemProps } = useCombobox<DirectoryHit>({
    items: hits ?? [],
    itemToString: (hit) => (hit ? customerName(hit, lng) : ""),
    itemToKey: (hit) => hit?.id,
    inputId: ids.input,
    labelId: ids.label,
    menuId: ids.list,
    getItemId: optionId,
    isOpen: open,
    highlightedIndex: open ? active : -1,
    inputValue: state.query,
    selectedItem: null,
    stateReducer,
    onStateChange: ({ type, inputValue, highlightedIndex, selectedItem }) => {
      if (type === types.InputChange) dispatch({ type: "typed", query: inputValue ?? "" });
      else if (type === types.ItemClick && selectedItem) onChoose(selectedItem);
      else if (highlightedIndex !== undefined && open) dispatch({ type: "highlighted", index: highlightedIndex });
    },
  });

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === "Enter") {
      handled(e);
      e.preventDefault();
      const next = enterAction(state);
      if (next === "search") onSearch();
      else onChoose(next.choose);
    } else if (e.key === "Escape") {
      // Open list: close it and keep the dialog. Closed list: the dialog closes.
      handled(e);
      if (open) {
        e.preventDefault();
        e.stopPropagation();
        dispatch({ type: "listClosed" });
      }
    }
  }

  return (
    <div className="relative">
      <div className="flex gap-2">
        <input
          {...getInputProps({
            onKeyDown,
            disabled: exhausted && allowance.remaining === 0 && !hits,
            maxLength: 200,
            className: input,
            "aria-describedby": ids.describedBy,
            "aria-invalid": invalid ? true : undefined,
            "aria-activedescendant": open && active >= 0 ? optionId(active) : undefined,
          })}
        />
        <button
          type="button"
          onClick={onSearch}
          disabled={searching || exhausted}
          className="rounded border border-brand px-3 py-2 text-sm font-semibold text-brand disabled:opacity-50"
        >
          {searching ? t("dialog.searching") : t("dialog.search")}
        </button>
      </div>
      <ul
        {...getMenuProps({
          "aria-label": t("dialog.customerName"),
          hidden: !open,
          className: "mt-1 max-h-64 overflow-auto rounded border border-gray-300 bg-white shadow",
        })}
      >
        {(hits ?? []).map((h, i) => (
          <li
            key={h.id}
            {...getItemProps({
              item: h,
              index: i,
              className: `cursor-pointer px-3 py-2 ${i === active ? "bg-brand text-white" : "hover:bg-brand-light"}`,
            })}
          >
            <span className="block font-medium">{customerName(h, lng)}</span>
            <span className={`block text-xs ${i === active ? "text-white" : "text-gray-600"}`}>
              {[lng === "zh" ? h.name : h.nameZh, h.matched !== h.name && h.matched !== h.nameZh ? t("dialog.matchedBy", { matched: h.matched }) : ""]
                .filter(Boolean)
                .join(" · ")}
            </span>
          </li>
        ))}
      </ul>
      <p role="status" aria-live="polite" className="mt-1 text-sm text-gray-700" data-testid="search-status">
        {hits && hits.length === 0 ? t("dialog.noResults", { query: searchedFor }) : hits ? t("dialog.results", { count: hits.length }) : ""}
        {hits && <span className="sr-only"> {t("dialog.attemptsLeft", { count: allowance.remaining })}</span>}
      </p>
    </div>
  );
}
