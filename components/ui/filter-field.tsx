import type * as React from "react";

/**
 * One labelled control in a FilterBar's row: the label before its control, in the bar's text
 * size. The control also carries the label as its accessible name.
 */
export function FilterField({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <label className="inline-flex items-center gap-2 whitespace-nowrap">
      {label}
      {children}
    </label>
  );
}

/** A yes/no filter (Has email, Opted out): a checkbox before its label. */
export function FilterCheckbox({
  label,
  checked,
  onChange,
}: {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <label className="inline-flex items-center gap-2 whitespace-nowrap">
      <input
        type="checkbox"
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
        className="size-4 rounded border-slate-300 accent-brand-600"
      />
      {label}
    </label>
  );
}
