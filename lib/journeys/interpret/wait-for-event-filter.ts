import type { TEqualityFilter } from "../graph/node-data";

/**
 * Builds and evaluates the `if` of a durable wait. Only the subset agreed with the local executor
 * (/work/notes/cel-subset.md) is ever produced:
 *   clause ( " && " clause )*, clause := async.data.<path> == (event.data.<path> | literal)
 * `event` is the run's trigger (`journey/contact.entered`, which carries contactId), `async` the candidate.
 */
const IDENT_PATH = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

export function celLiteral(value: string | number | boolean | null): string {
  if (typeof value === "string") return `'${value.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error("CEL numbers must be finite");
    return String(value);
  }
  return String(value);
}

/** The `if` that matches the same contact's event with every property filter equal. */
export function buildWaitForEventFilter(filters: TEqualityFilter[]): string {
  const clauses = ["async.data.contactId == event.data.contactId"];
  for (const f of filters) {
    if (!IDENT_PATH.test(f.property))
      throw new Error(`"${f.property}" cannot be matched in a durable wait`);
    clauses.push(`async.data.properties.${f.property} == ${celLiteral(f.value)}`);
  }
  return clauses.join(" && ");
}

type TValue = { ref: "event"; path: string[] } | { lit: string | number | boolean | null };
export type TCelClause = { path: string[]; value: TValue };

/** Parses the subset; anything else throws, naming what it could not read. */
export function parseCelSubset(expr: string): TCelClause[] {
  const clauses: TCelClause[] = [];
  let i = 0;
  const fail = (what: string): never => {
    throw new Error(`unsupported CEL at ${i}: ${what} in ${JSON.stringify(expr)}`);
  };
  const eat = (s: string) => (expr.startsWith(s, i) ? ((i += s.length), true) : false);
  const path = (): string[] => {
    const m =
      /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*/.exec(expr.slice(i)) ??
      fail("expected a path");
    i += m[0].length;
    return m[0].split(".");
  };
  for (;;) {
    if (!eat("async.data.")) fail('expected "async.data."');
    const p = path();
    if (!eat(" == ")) fail('expected " == "');
    let value: TValue;
    if (eat("event.data.")) value = { ref: "event", path: path() };
    else if (expr[i] === "'") {
      let s = "";
      i++;
      for (;;) {
        const c = expr[i++] ?? fail("unterminated string");
        if (c === "'") break;
        if (c === "\\") {
          const n = expr[i++];
          if (n !== "'" && n !== "\\") fail("only \\' and \\\\ escapes");
          s += n;
        } else s += c;
      }
      value = { lit: s };
    } else {
      const m =
        /^(true|false|null|-?\d+(\.\d+)?([eE][+-]?\d+)?)(?![A-Za-z0-9_.])/.exec(expr.slice(i)) ??
        fail("expected a value");
      i += m[0].length;
      value = {
        lit:
          m[1] === "true" ? true : m[1] === "false" ? false : m[1] === "null" ? null : Number(m[1]),
      };
    }
    clauses.push({ path: p, value });
    if (i === expr.length) return clauses;
    if (!eat(" && ")) fail('expected " && "');
  }
}

const dig = (root: unknown, path: string[]): unknown =>
  path.reduce<unknown>(
    (v, k) => (v !== null && typeof v === "object" ? (v as Record<string, unknown>)[k] : undefined),
    root,
  );

/** CEL `==` on the values JSON can hold; a missing field never equals anything (CEL errors there). */
export function evaluateCelSubset(
  expr: string,
  event: { data: unknown },
  candidate: { data: unknown },
): boolean {
  return parseCelSubset(expr).every((c) => {
    const left = dig(candidate.data, c.path);
    const right = "ref" in c.value ? dig(event.data, c.value.path) : c.value.lit;
    if (left === undefined || right === undefined) return false;
    return left === right;
  });
}
