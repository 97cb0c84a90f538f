"use client";
import { useRef } from "react";
import { Label } from "@/components/ui/input";
import { cn } from "@/lib/utils";
import { useEditor } from "./editor-context";
import { useFlagText } from "./use-template-text";

const base =
  "block w-full rounded-md border border-slate-300 bg-white px-3 text-sm shadow-sm placeholder:text-slate-400 focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-100 disabled:bg-slate-50 disabled:text-slate-600 aria-[invalid=true]:border-red-500";

type Props = {
  id: string;
  label: string;
  /** Content path the server's errors and the analysis name this field by. */
  path: string;
  value: string;
  onChange: (value: string) => void;
  multiline?: boolean;
  rows?: number;
  hint?: string;
  placeholder?: string;
  mono?: boolean;
  /** Rendered between the label and the input (the text block's toolbar). */
  toolbar?: React.ReactNode;
  inputRef?: React.RefObject<HTMLTextAreaElement | null>;
};

/**
 * A text field that may hold Liquid: it becomes the variable picker's target when focused, and
 * shows the flags (syntax errors, unknown variables, missing fields) of its path under it.
 */
export function LiquidField({
  id,
  label,
  path,
  value,
  onChange,
  multiline,
  rows = 4,
  hint,
  placeholder,
  mono,
  toolbar,
  inputRef,
}: Props) {
  const { readOnly, flags, setFocusTarget } = useEditor();
  const flagText = useFlagText();
  const own = useRef<HTMLTextAreaElement>(null);
  const ref = inputRef ?? own;
  const mine = flags[path] ?? [];
  const invalid = mine.some((f) => f.level === "error");
  const common = {
    id,
    value,
    disabled: readOnly,
    placeholder,
    "aria-invalid": invalid || undefined,
    "aria-describedby": mine.length ? `${id}-flags` : undefined,
    "data-path": path,
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
      onChange(e.target.value),
    onFocus: (e: React.FocusEvent<HTMLInputElement | HTMLTextAreaElement>) =>
      setFocusTarget({ el: e.currentTarget, set: onChange }),
  };
  return (
    <div>
      <Label htmlFor={id}>{label}</Label>
      {toolbar}
      {multiline ? (
        <textarea
          ref={ref}
          rows={rows}
          className={cn(base, "py-2", mono && "font-mono text-xs")}
          {...common}
        />
      ) : (
        <input className={cn(base, "h-9", mono && "font-mono text-xs")} {...common} />
      )}
      {hint && !mine.length ? <p className="mt-1 text-xs text-slate-500">{hint}</p> : null}
      {mine.length ? (
        <ul id={`${id}-flags`} className="mt-1 space-y-0.5" data-testid={`flags-${path}`}>
          {mine.map((f, i) => (
            <li
              key={i}
              role={f.level === "error" ? "alert" : undefined}
              className={cn("text-xs", f.level === "error" ? "text-red-600" : "text-amber-700")}
            >
              {flagText(f)}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
