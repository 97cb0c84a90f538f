"use client";
import { createContext, useContext } from "react";

export type TBuilderContext = {
  readOnly: boolean;
  /** API errors keyed by condition path without the `definition.` prefix (`conditions.0.value`). */
  errors: Record<string, string>;
  segments: { id: string; name: string }[];
  attributeKeys: string[];
  /** The workspace's subscription topics, for the topic condition. */
  topics?: { key: string; name: string }[];
};

export const BuilderContext = createContext<TBuilderContext>({
  readOnly: true,
  errors: {},
  segments: [],
  attributeKeys: [],
});
export const useBuilder = () => useContext(BuilderContext);

/** The messages for one condition: its own path and anything beneath it, nearest first. */
export function errorsAt(errors: Record<string, string>, path: string): string[] {
  return Object.entries(errors)
    .filter(
      ([k]) =>
        k === path ||
        (k.startsWith(`${path}.`) && !/^\.conditions\.\d+/.test(k.slice(path.length))),
    )
    .map(([k, v]) => (k === path ? v : `${k.slice(path.length + 1).replace(/\./g, " › ")}: ${v}`));
}

/** Whether an error points at one field of a condition (`value`, `first.name`), or inside it (`value.1`). */
export type TFieldInvalid = (field: string) => boolean;

/** The field checker for the condition at `path`: only the input an error names is outlined. */
export function fieldInvalid(errors: Record<string, string>, path: string): TFieldInvalid {
  return (field) =>
    Object.keys(errors).some((k) => k === `${path}.${field}` || k.startsWith(`${path}.${field}.`));
}

/** The same checker one level down (`filters.0`, a filter's comparison). */
export const within =
  (invalid: TFieldInvalid, prefix: string): TFieldInvalid =>
  (field) =>
    invalid(`${prefix}.${field}`);
