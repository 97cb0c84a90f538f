"use client";
import type { TCondition } from "@/lib/segments/definition";
import type { TFieldInvalid } from "./builder-context";

/**
 * What every condition kind's fields get. `invalid` names the fields the API's errors point at;
 * `conditionInvalid` is an error about the whole condition (a segment cycle).
 */
export type TKindProps<K extends TCondition["kind"]> = {
  value: Extract<TCondition, { kind: K }>;
  onChange: (c: TCondition) => void;
  label: string;
  invalid: TFieldInvalid;
  conditionInvalid: boolean;
};

export const ROW = "flex flex-wrap items-center gap-2";

export const Muted = ({ children }: { children: React.ReactNode }) => (
  <span className="text-sm text-slate-500">{children}</span>
);
