"use client";
import { createContext, useContext } from "react";

/** A problem the editor finds itself, as a code and values that use-flag-text.ts words. */
export type TFlagIssue =
  | { code: "liquidSyntax"; values: { message: string; line: number; column: number } }
  | { code: "unknownVariable"; values: { name: string } }
  | { code: "noDefault"; values: { name: string } };
/**
 * A flag on a field. `message` is the English wording (the server's own for a field error);
 * `issue`, when the editor found it, lets the flag be shown in the viewer's language.
 */
export type TFlag = { level: "error" | "warning"; message: string; issue?: TFlagIssue };
/** Flags by content path (`subject`, `blocks.2.text`), without the `content.` prefix. */
export type TFlags = Record<string, TFlag[]>;

/** The field a variable goes into: the one last focused, with its caret. */
export type TFocusTarget = {
  el: HTMLInputElement | HTMLTextAreaElement;
  set: (value: string) => void;
};

export type TEditorContext = {
  readOnly: boolean;
  flags: TFlags;
  attributes: string[];
  setFocusTarget: (t: TFocusTarget) => void;
  insertAtCursor: (text: string) => boolean;
};

export const EditorContext = createContext<TEditorContext>({
  readOnly: true,
  flags: {},
  attributes: [],
  setFocusTarget: () => {},
  insertAtCursor: () => false,
});

export const useEditor = () => useContext(EditorContext);

/** Flags of a path and of everything under it (a block shows its fields' problems). */
export function flagsUnder(flags: TFlags, prefix: string): TFlag[] {
  return Object.entries(flags).flatMap(([p, f]) =>
    p === prefix || p.startsWith(`${prefix}.`) ? f : [],
  );
}

/** Puts `text` at the caret of `el` (replacing the selection) and hands the new value to `set`. */
export function insertInto(target: TFocusTarget, text: string) {
  const { el } = target;
  const start = el.selectionStart ?? el.value.length;
  const end = el.selectionEnd ?? start;
  const next = el.value.slice(0, start) + text + el.value.slice(end);
  target.set(next);
  // After React has written the new value: the caret goes after the insertion.
  setTimeout(() => {
    el.focus();
    el.setSelectionRange(start + text.length, start + text.length);
  }, 0);
}
