import { mapVariable } from "./map-variable";

/**
 * Pinpoint's Handlebars-style message text as Liquid. Variables become contact paths
 * (map-variable.ts), with their `DefaultSubstitutions` as `| default: "…"`; `#if`/`#unless`/`#each`
 * and the comparison block helpers become Liquid tags; the common string and math helpers become
 * filters. What has no Liquid equivalent is dropped from the text and listed.
 */
export type TConversion = {
  liquid: string;
  approximated: string[];
  unsupported: string[];
};

const FILTERS: Record<string, { filter: string; approx?: string }> = {
  upper: { filter: "upcase" },
  lower: { filter: "downcase" },
  capitalizeFirst: { filter: "capitalize" },
  capitalize: {
    filter: "capitalize",
    approx: "Liquid's capitalize raises the first letter only; Pinpoint's raises every word",
  },
  stripTags: { filter: "strip_html" },
  trim: { filter: "strip" },
  abs: { filter: "abs" },
  ceil: { filter: "ceil" },
  floor: { filter: "floor" },
  round: { filter: "round" },
  add: { filter: "plus" },
  subtract: { filter: "minus" },
  multiply: { filter: "times" },
  divide: { filter: "divided_by" },
  replace: { filter: "replace" },
  join: { filter: "join" },
  truncate: { filter: "truncate" },
  dateFormat: {
    filter: "date",
    approx: "the date format is Liquid's strftime, not Pinpoint's Moment.js pattern; check it",
  },
};
const COMPARE: Record<string, string> = {
  eq: "==",
  neq: "!=",
  gt: ">",
  gte: ">=",
  lt: "<",
  lte: "<=",
};

/** Splits `helper a "b c" 3` into its words, keeping quoted strings whole. */
function words(expr: string): string[] {
  return expr.match(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|\([^)]*\)|(?:[^\s[]|\[[^\]]*\])+/g) ?? [];
}

export function handlebarsToLiquid(
  source: string,
  opts: { channel: string; defaults?: Record<string, string> },
): TConversion {
  const approximated = new Set<string>();
  const unsupported = new Set<string>();
  const loops: string[] = [];
  const closers: string[] = [];

  const operand = (w: string): string | null => {
    if (/^["']/.test(w)) return JSON.stringify(w.slice(1, -1));
    if (/^-?\d+(\.\d+)?$/.test(w) || w === "true" || w === "false") return w;
    if (w === "this" || w === ".") return loops.at(-1) ?? null;
    if (w === "@index") return "forloop.index0";
    if (w.startsWith("(") && w.endsWith(")")) return condition(w.slice(1, -1));
    const v = mapVariable(w, opts.channel);
    if (!v.ok) {
      unsupported.add(`{{${w}}}: ${v.reason}`);
      return null;
    }
    if (v.approx) approximated.add(`${w}: ${v.approx}`);
    return v.liquid;
  };
  // Pinpoint renders a variable with no value and no default as nothing; Waymark refuses to send
  // a message with a missing value unless it has a default, so every variable gets one.
  const withDefault = (path: string, liquid: string, fallback: string | number = "") => {
    if (loops.includes(liquid) || liquid.startsWith("forloop.")) return liquid;
    return `${liquid} | default: ${JSON.stringify(opts.defaults?.[path] ?? fallback)}`;
  };
  const MATH = new Set(["plus", "minus", "times", "divided_by", "round", "abs", "ceil", "floor"]);
  /** A condition of `#if`: a path, or a comparison subexpression `(eq a b)`. */
  function condition(expr: string): string | null {
    const [head, ...args] = words(expr);
    if (!head) return null;
    if (COMPARE[head] && args.length === 2) {
      const [a, b] = args.map(operand);
      return a && b ? `${a} ${COMPARE[head]} ${b}` : null;
    }
    if ((head === "and" || head === "or") && args.length >= 2) {
      const parts = args.map(operand);
      return parts.every(Boolean) ? parts.join(` ${head} `) : null;
    }
    if (args.length === 0) return operand(head);
    unsupported.add(`(${expr}): no Liquid condition for "${head}"`);
    return null;
  }

  const out = source.replace(/\{\{\{?~?\s*([\s\S]*?)\s*~?\}?\}\}/g, (whole, raw: string) => {
    const expr = raw.trim();
    if (expr.startsWith("!")) return "";
    if (expr.startsWith("#")) {
      const [helper, ...rest] = words(expr.slice(1));
      const args = rest.join(" ");
      if (helper === "if" || helper === "unless") {
        const c = condition(args);
        closers.push(helper === "if" ? "endif" : "endunless");
        if (!c) return `{% ${helper} false %}`;
        return `{% ${helper} ${c} %}`;
      }
      if (helper && COMPARE[helper]) {
        closers.push("endif");
        const c = condition(`${helper} ${args}`);
        return `{% if ${c ?? "false"} %}`;
      }
      if (helper === "and" || helper === "or") {
        closers.push("endif");
        return `{% if ${condition(`${helper} ${args}`) ?? "false"} %}`;
      }
      if (helper === "not") {
        closers.push("endunless");
        return `{% unless ${operand(args) ?? "false"} %}`;
      }
      if (helper === "each") {
        const list = operand(args);
        const name = `item${loops.length || ""}`;
        loops.push(name);
        closers.push("endfor");
        return list ? `{% for ${name} in ${list} %}` : `{% for ${name} in "" %}`;
      }
      unsupported.add(`${whole}: no Liquid block for "#${helper}"; its content is kept as is`);
      closers.push("");
      return "";
    }
    if (expr.startsWith("/")) {
      const closer = closers.pop();
      if (closer === "endfor") loops.pop();
      return closer ? `{% ${closer} %}` : "";
    }
    if (expr === "else") return "{% else %}";
    if (expr.startsWith(">")) {
      unsupported.add(`${whole}: partials do not exist in Waymark templates`);
      return "";
    }
    const [head, ...args] = words(expr);
    if (!head) return whole;
    if (args.length === 0) {
      if (head === "now") {
        approximated.add(`${whole}: the send date, formatted as YYYY-MM-DD`);
        return `{{ "now" | date: "%Y-%m-%d" }}`;
      }
      const o = operand(head);
      return o ? `{{ ${withDefault(head, o)} }}` : "";
    }
    const f = FILTERS[head];
    if (!f) {
      unsupported.add(`${whole}: no Liquid filter for the "${head}" helper`);
      return "";
    }
    if (f.approx) approximated.add(`${whole}: ${f.approx}`);
    const [subject, ...params] = args;
    const o = operand(subject!);
    if (!o) return "";
    const ps = params.map((p) => operand(p) ?? '""');
    const filter = ps.length ? `${f.filter}: ${ps.join(", ")}` : f.filter;
    return `{{ ${withDefault(subject!, o, MATH.has(f.filter) ? 0 : "")} | ${filter} }}`;
  });
  return { liquid: out, approximated: [...approximated], unsupported: [...unsupported] };
}

/** `DefaultSubstitutions`: a JSON string mapping a variable path to its default text. */
export function parseDefaults(raw: unknown): Record<string, string> | { error: string } {
  if (raw === undefined || raw === null || raw === "") return {};
  let parsed: unknown = raw;
  if (typeof raw === "string") {
    try {
      parsed = JSON.parse(raw);
    } catch {
      return { error: "is not valid JSON" };
    }
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed))
    return { error: "must map variable names to default texts" };
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(parsed)) out[k.replace(/^\{\{\s*|\s*\}\}$/g, "")] = String(v);
  return out;
}
