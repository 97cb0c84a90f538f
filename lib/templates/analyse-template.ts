import { analyzeSync, type Template, type Variable } from "liquidjs";
import { hasDefaultFilter, outputsOf } from "./liquid-engine";
import { makeIsKnown, type TKnownVariables } from "./known-variables";
import { tryCompileField, type TSyntaxError } from "./personalise";
import { listTemplateFields } from "./template-fields";
import type { TTemplateContent } from "./template-content";

export type TVariableUse = {
  path: string;
  line: number;
  column: number;
  inOutput: boolean;
  hasDefault: boolean;
};
export type TVariableReport = {
  /** Dotted, e.g. `contact.firstName`; brackets kept for dynamic parts (`contact.attributes[key]`). */
  name: string;
  known: boolean;
  /** Every `{{ }}` printing it has a `| default:` (or it is only used in tags such as `{% if %}`). */
  hasDefault: boolean;
  /** Some `{{ }}` prints it without a default: a contact without it is skipped. */
  required: boolean;
  uses: TVariableUse[];
};
export type TTemplateAnalysis = { errors: TSyntaxError[]; variables: TVariableReport[] };

const locationKey = (v: Variable) => `${v.location.row}:${v.location.col}`;
/** The dotted path up to the first dynamic segment: what "known" is decided on. */
const staticPath = (v: Variable) => {
  const parts: string[] = [];
  for (const s of v.segments) {
    if (typeof s !== "string") break;
    parts.push(s);
  }
  return parts.join(".");
};

function analyseField(templates: Template[]) {
  // Which variable occurrences sit in a `{{ }}`, and whether that output has a default.
  const inOutput = new Map<string, boolean>();
  for (const output of outputsOf(templates)) {
    const withDefault = hasDefaultFilter(output);
    for (const vars of Object.values(analyzeSync([output], { partials: false }).variables))
      for (const v of vars) inOutput.set(locationKey(v), withDefault);
  }
  return Object.values(analyzeSync(templates, { partials: false }).globals)
    .flat()
    .map((v) => ({
      v,
      inOutput: inOutput.has(locationKey(v)),
      hasDefault: inOutput.get(locationKey(v)) ?? false,
    }));
}

/**
 * For the editor, before saving: syntax errors by field path with line and column, and every
 * global variable the template reads, flagged unknown when not in `known` (the workspace's
 * attribute names) nor always known (known-variables.ts).
 */
export function analyseTemplate(
  content: TTemplateContent,
  known: TKnownVariables = {},
): TTemplateAnalysis {
  const isKnown = makeIsKnown(known);
  const errors: TSyntaxError[] = [];
  const byName = new Map<string, TVariableReport>();
  for (const f of listTemplateFields(content)) {
    const r = tryCompileField(f.path, f.mode, f.source);
    if ("line" in r) {
      errors.push(r);
      continue;
    }
    if (r.templates === null) continue;
    for (const { v, inOutput, hasDefault } of analyseField(r.templates)) {
      const name = v.toString();
      const report = byName.get(name) ?? {
        name,
        known: isKnown(staticPath(v)),
        hasDefault: true,
        required: false,
        uses: [],
      };
      report.uses.push({
        path: f.path,
        line: v.location.row,
        column: v.location.col,
        inOutput,
        hasDefault,
      });
      if (inOutput && !hasDefault) {
        report.required = true;
        report.hasDefault = false;
      }
      byName.set(name, report);
    }
  }
  return { errors, variables: [...byName.values()].sort((a, b) => a.name.localeCompare(b.name)) };
}
