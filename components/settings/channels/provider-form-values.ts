import type { TFieldSpec, TProviderSpec } from "./provider-fields";

export type TFormValues = Record<string, string | boolean>;
type TObj = Record<string, unknown>;

function getPath(obj: TObj | null, path: string): unknown {
  return path
    .split(".")
    .reduce<unknown>((o, k) => (o && typeof o === "object" ? (o as TObj)[k] : undefined), obj);
}

function setPath(obj: TObj, path: string, value: unknown): void {
  const [head, ...rest] = path.split(".") as [string, ...string[]];
  if (rest.length === 0) {
    obj[head] = value;
    return;
  }
  const inner = (obj[head] ??= {}) as TObj;
  setPath(inner, rest.join("."), value);
}

const isSecret = (f: TFieldSpec) => f.type === "secret" || f.type === "secret-textarea";

/** The form's starting values from a redacted config: secrets always start empty (they are write-only). */
export function initialValues(spec: TProviderSpec, config: TObj | null): TFormValues {
  const values: TFormValues = {};
  for (const f of spec.fields) {
    const v = getPath(config, f.name);
    if (f.type === "switch") values[f.name] = v === true;
    else if (f.type === "select")
      values[f.name] = typeof v === "string" ? v : (f.options?.[0]?.value ?? "");
    else
      values[f.name] =
        isSecret(f) || (typeof v !== "string" && typeof v !== "number") ? "" : String(v);
  }
  return values;
}

/** Which secrets are stored, from the `{ set }` markers redactConfig leaves in their place. */
export function storedSecrets(spec: TProviderSpec, config: TObj | null): Record<string, boolean> {
  const set: Record<string, boolean> = {};
  for (const f of spec.fields) {
    if (isSecret(f))
      set[f.name] =
        (getPath(config, f.setPath ?? f.name) as { set?: unknown } | undefined)?.set === true;
  }
  return set;
}

/**
 * The PUT body: blank fields are left out so the schema's defaults apply, and a blank secret is
 * left out so the server keeps the stored one.
 */
export function buildProviderBody(spec: TProviderSpec, values: TFormValues): TObj {
  const body: TObj = {};
  for (const f of spec.fields) {
    const v = values[f.name];
    if (f.type === "switch") setPath(body, f.name, v === true);
    else if (typeof v === "string" && v.trim() !== "")
      setPath(body, f.name, isSecret(f) ? v : v.trim());
  }
  return body;
}

/** A field's error from a 400, including errors inside it (`serviceAccount.project_id`), worded with its label. */
export function fieldError(fields: Record<string, string>, f: TFieldSpec): string | undefined {
  const key =
    f.name in fields ? f.name : Object.keys(fields).find((k) => k.startsWith(`${f.name}.`));
  if (!key) return undefined;
  const message = fields[key] ?? "";
  const subject = key === f.name ? f.label : `${f.label}: ${key.slice(f.name.length + 1)}`;
  return /^[a-z]/.test(message)
    ? `${subject} ${message}`
    : key === f.name
      ? message
      : `${subject}: ${message}`;
}
