import { fastOutputRender } from "./fast-output";
import { registerLocaleFilters } from "./locale-filters";
import { MissingValueError } from "./missing-value";
import {
  Liquid,
  Output,
  Tag,
  TokenKind,
  toValueSync,
  type Template,
  type TagToken,
  type TopLevelToken,
} from "liquidjs";

/**
 * Two LiquidJS engines (one escaping HTML, one for plain text) plus one for JSON bodies, all sealed:
 * no file system, no partials or layouts, unknown filters are syntax errors, and a template cannot
 * allocate or loop without bound. Templates are parsed once per field; see render-message.ts.
 */
export type TLiquidMode = "html" | "text" | "json";

/** The per-message substitution markers (personalise.ts); Liquid output may never forge them. */
export const MARKER_CHARS = /[\uE000-\uE01F]/g;

const HTML_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};
const toText = (v: unknown): string =>
  v === undefined || v === null
    ? ""
    : typeof v === "string"
      ? v
      : Array.isArray(v)
        ? v.map(toText).join("")
        : typeof v === "object"
          ? JSON.stringify(v)
          : String(v);

/** The escaper each engine applies to every `{{ }}` (a `| raw` last filter bypasses it). */
export const escapeHtml = (v: unknown) =>
  toText(v)
    .replace(MARKER_CHARS, "")
    .replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
const cleanText = (v: unknown) => toText(v).replace(MARKER_CHARS, "");
/** Inside a JSON string literal: the author writes the quotes, Liquid fills in what is between them. */
const escapeJson = (v: unknown) =>
  v instanceof JsonText ? v.text : JSON.stringify(cleanText(v)).slice(1, -1);

const ESCAPERS: Record<TLiquidMode, (v: unknown) => string> = {
  html: escapeHtml,
  text: cleanText,
  json: escapeJson,
};

/** What the `json` filter returns in a webhook body: already JSON, so the escaper leaves it alone. */
class JsonText {
  constructor(readonly text: string) {}
  toString() {
    return this.text;
  }
}

/** Partials would read files (or, with `templates`, other templates): refused at parse time. */
class RefusedTag extends Tag {
  constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid) {
    super(token, remain, liquid);
    throw new Error(`the "${token.name}" tag is not allowed in templates`);
  }
  *render(): Generator<unknown, void, unknown> {}
}

/** A file system that has no files; the tags above never reach it, this is the second lock. */
const NO_FILES = {
  exists: async () => false,
  existsSync: () => false,
  readFile: async (file: string): Promise<string> => {
    throw new Error(`templates cannot read files (${file})`);
  },
  readFileSync: (file: string): string => {
    throw new Error(`templates cannot read files (${file})`);
  },
  resolve: (_root: string, file: string) => file,
  contains: async () => false,
  containsSync: () => false,
  sep: "/",
};

/**
 * Limits per render, which runs on the event loop: a template someone wrote as a loop inside a
 * loop must fail in a tenth of a second, not freeze the server. Time is checked between the
 * template's nodes; ranges and arrays count toward the memory limit, which caps how many times
 * a `for` can go round (a million, far more than any message needs).
 */
export const LIQUID_RENDER_LIMIT_MS = 100;
export const LIQUID_MEMORY_LIMIT = 1_000_000;

function makeEngine(mode: TLiquidMode): Liquid {
  const engine = new Liquid({
    fs: NO_FILES,
    root: [],
    partials: [],
    layouts: [],
    relativeReference: false,
    dynamicPartials: false,
    strictFilters: true,
    strictVariables: false,
    ownPropertyOnly: true,
    outputEscape: ESCAPERS[mode],
    parseLimit: 2_000_000,
    renderLimit: LIQUID_RENDER_LIMIT_MS,
    memoryLimit: LIQUID_MEMORY_LIMIT,
    cache: false,
  });
  for (const tag of ["include", "render", "layout"]) engine.registerTag(tag, RefusedTag);
  // `| raw` prints unescaped HTML on purpose, but still may not forge a tracking marker.
  engine.registerFilter("raw", { raw: true, handler: cleanText });
  registerLocaleFilters(engine);
  if (mode === "json")
    engine.registerFilter("json", (v: unknown) => new JsonText(JSON.stringify(v ?? null)));
  return engine;
}

const engines: Record<TLiquidMode, Liquid> = {
  html: makeEngine("html"),
  text: makeEngine("text"),
  json: makeEngine("json"),
};
export const liquidEngine = (mode: TLiquidMode) => engines[mode];

const isMissing = (v: unknown) => v === undefined || v === null || v === "";

/** Every `{{ … }}` anywhere in the tree, inside tags too. */
export function* outputsOf(templates: Template[]): Generator<Output> {
  for (const t of templates) {
    if (t instanceof Output) yield t;
    const children = (
      t as { children?: (partials: boolean, sync: boolean) => Generator<unknown, Template[]> }
    ).children;
    if (typeof children === "function")
      yield* outputsOf(toValueSync(children.call(t, false, true)));
  }
}

/** The text of an output's expression before its filters, or null when it reads no variable. */
export function outputExpression(output: Output): string | null {
  const postfix = (
    output.value.initial as unknown as { postfix: { kind: number; getText(): string }[] }
  ).postfix;
  if (!postfix.some((t) => t.kind === TokenKind.PropertyAccess)) return null;
  return postfix.map((t) => t.getText()).join(" ");
}

export const hasDefaultFilter = (output: Output) =>
  output.value.filters.some((f) => f.name === "default");

/**
 * Parses one field. Outputs that read a variable without `| default:` get a first filter that
 * throws MissingValueError on nothing (undefined, null, ""): never a hole in a sent message,
 * while a `{% if %}` around the output still decides whether it renders at all.
 */
export function parseLiquid(
  mode: TLiquidMode,
  source: string,
  { fastOutputs = true } = {},
): Template[] {
  const templates = liquidEngine(mode).parse(source);
  for (const output of outputsOf(templates)) {
    const expression = outputExpression(output);
    if (expression === null) continue;
    const fast = fastOutputs ? fastOutputRender(output, expression, ESCAPERS[mode]) : null;
    if (fast) {
      output.render = fast;
      continue;
    }
    if (hasDefaultFilter(output)) continue;
    const guard = {
      name: "required",
      raw: false,
      args: [],
      *render(value: unknown) {
        if (isMissing(value)) throw new MissingValueError(expression);
        return value;
      },
    };
    (output.value.filters as unknown[]).unshift(guard);
  }
  return templates;
}

export const hasLiquid = (source: string) => source.includes("{{") || source.includes("{%");
