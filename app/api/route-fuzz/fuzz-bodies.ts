/**
 * Seeded generators of hostile input for route-fuzz.test.ts: raw bytes that are not JSON, random
 * JSON values, and — most of the time — a route's own valid body with one part broken, which is
 * what reaches deep into validation instead of stopping at the first check.
 */
export type TRandom = () => number;

const WEIRD_STRINGS = [
  "",
  " ",
  "x".repeat(300),
  "y".repeat(5000),
  "\u0000",
  "😀",
  "<script>alert(1)</script>",
  "javascript:alert(1)",
  "{{ contact.nope }}",
  "{% if %}",
  "{% for i in (1..999999999) %}{% endfor %}",
  "2026-13-45T99:99:99Z",
  "+1",
  "not@",
  "Mars/Base",
  "NaN",
  "-1",
  "00000000-0000-0000-0000-000000000000",
  "'; drop table contacts; --",
  "../../etc/passwd",
  "__proto__",
  "%00",
];
const KEYS = [
  "name",
  "id",
  "type",
  "kind",
  "channel",
  "definition",
  "conditions",
  "content",
  "body",
  "email",
  "password",
  "role",
  "url",
  "secret",
  "schedule",
  "audience",
  "nodes",
  "edges",
  "userId",
  "timezone",
  "__proto__",
  "constructor",
  "zzz",
];
const NUMBERS = [0, -1, 1, 1e308, -0, 3.14, Number.MAX_SAFE_INTEGER + 2, 2 ** 31, -(2 ** 63)];
const GARBAGE = [
  "",
  "{",
  "[1,2",
  "nul",
  '"str',
  '{"a":}',
  "\u00ff\u00fe",
  "{}}",
  "[[[[[[[[[[",
  "1e99999",
];

export const pick = <T>(r: TRandom, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

export function randomValue(r: TRandom, depth = 0): unknown {
  switch (Math.floor(r() * (depth > 2 ? 6 : 9))) {
    case 0:
      return null;
    case 1:
      return r() < 0.5;
    case 2:
      return pick(r, NUMBERS);
    case 3:
    case 4:
      return pick(r, WEIRD_STRINGS);
    case 5:
      return `v-${Math.floor(r() * 20)}`;
    case 6:
      return Array.from({ length: Math.floor(r() * 4) }, () => randomValue(r, depth + 1));
    default:
      return Object.fromEntries(
        Array.from({ length: Math.floor(r() * 5) }, () => [
          pick(r, KEYS),
          randomValue(r, depth + 1),
        ]),
      );
  }
}

type TPath = (string | number)[];

/** Every place in a JSON value a mutation can hit, the root included. */
function pathsOf(v: unknown, at: TPath = []): TPath[] {
  const here = [at];
  if (Array.isArray(v)) return here.concat(v.flatMap((x, i) => pathsOf(x, [...at, i])));
  if (v && typeof v === "object")
    return here.concat(Object.entries(v).flatMap(([k, x]) => pathsOf(x, [...at, k])));
  return here;
}

function setAt(root: unknown, path: TPath, value: unknown, remove: boolean): unknown {
  if (!path.length) return value;
  let node = root as Record<string | number, unknown>;
  for (const p of path.slice(0, -1)) node = node[p] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (remove && Array.isArray(node)) node.splice(last as number, 1);
  else if (remove) delete node[last];
  else node[last] = value;
  return root;
}

/** The `i`th body for a route whose valid body is `valid` (undefined: the route takes none). */
export function fuzzBody(r: TRandom, valid: unknown): string {
  const roll = r();
  if (roll < 0.08) return pick(r, GARBAGE);
  if (roll < 0.25 || valid === undefined) return JSON.stringify(randomValue(r)) ?? "null";
  const body: unknown = structuredClone(valid);
  if (roll < 0.32) return JSON.stringify(body);
  const paths = pathsOf(body);
  const path = pick(r, paths);
  const how = r();
  if (how < 0.5) return JSON.stringify(setAt(body, path, randomValue(r), false));
  if (how < 0.75 && path.length) return JSON.stringify(setAt(body, path, undefined, true));
  // An unknown key beside the known ones, or the whole body wrapped in something else.
  if (body && typeof body === "object" && !Array.isArray(body) && how < 0.9)
    return JSON.stringify({ ...body, [pick(r, KEYS)]: randomValue(r) });
  return JSON.stringify(r() < 0.5 ? [body] : { body });
}

/** A query string of known-looking keys with hostile values. */
export function fuzzQuery(r: TRandom): string {
  const keys = ["limit", "cursor", "q", "from", "to", "range", "status", "channel", "page", "sort"];
  const n = Math.floor(r() * 4);
  if (!n) return "";
  const parts = Array.from({ length: n }, () => {
    const v = r() < 0.5 ? String(randomValue(r, 3)) : pick(r, WEIRD_STRINGS);
    return `${pick(r, keys)}=${encodeURIComponent(v)}`;
  });
  return `?${parts.join("&")}`;
}

/** Values for a path segment that are not an id of anything. */
export const BAD_SEGMENTS = [
  "not-a-uuid",
  "00000000-0000-0000-0000-000000000000",
  "x".repeat(500),
  "%00",
  "100%",
  "%E0%A4%A",
  "..",
  "😀",
  "1e999",
  "-1",
];
