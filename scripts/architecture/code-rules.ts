import ts from "typescript";
import type { TViolation } from "./layer-rules";

/**
 * Rules read from the code itself, beside the layer rules (issue #13): what is shared has one home,
 * references are found by a typed walk, event names come from the registry, and tests can fail.
 * Each function takes one file (repo-relative posix path) and its text, and names what breaks a
 * rule by line, with the offending text as `specifier`.
 */

const SEND_CHANNEL_KEYS = ["email", "sms", "push", "voice", "in_app", "webhook"];

/** Where a per-channel map of names, icons or colours may live, and why. */
export const CHANNEL_MAP_HOMES: Record<string, string> = {
  "lib/channels/channel-meta.ts": "the channel names",
  "components/ui/channel-icon.tsx": "the channel icons",
  "components/ui/channel-badge.tsx": "the channel badge colours",
  "lib/messages/engagement/message-event-names.ts":
    "stored event names (Segment's spec), data rather than labels",
};

/** The registry of event names, and the one place outside it that must spell one. */
export const EVENT_REGISTRY = "inngest/events.ts";
export const EVENT_NAME_EXCEPTIONS: Record<string, string> = {
  // The local executor plays Inngest's server, which names its cron event; lib/ may not import
  // inngest/, so it spells the name, and architecture.test.ts checks it equals CRON_TIMER.
  "lib/local-executor/fire-due-crons.ts": "Inngest's own cron event, sent by the local executor",
};

/** Where the browser may send a DELETE other than through ConfirmDeleteButton, and why. */
export const DELETE_HOMES: Record<string, string> = {
  "components/ui/confirm-delete-button.tsx": "asks, sends, and reports above the table",
  "components/settings/channels/provider-form.tsx": "asks in RemoveProviderDialog first",
  "components/app/user-menu.tsx":
    "Sign out everywhere ends the user's own sessions (no table row), then signs this browser out",
};

/** The one home of list and dashboard filters, and the hook that keeps their fields in the URL. */
export const FILTER_BAR_HOME = "components/ui/filter-bar.tsx";
const URL_FORM_HOOK = "components/app/use-url-form";

const RULES = {
  channelMap:
    "a per-channel map of labels or icons lives in lib/channels/channel-meta.ts (icons: components/ui/channel-icon.tsx); use channelLabel / CHANNEL_META / ChannelIcon",
  roleAlert: 'role="alert" only through ErrorAlert (components/ui/error-alert.tsx)',
  filterBar:
    "a list or dashboard filter is a FilterBar (components/ui/filter-bar.tsx): it alone draws a search form and keeps fields in the URL with useUrlForm",
  confirmDelete:
    "a row's delete asks first and shows its outcome: ConfirmDeleteButton in a ListTable (components/ui)",
  graphText:
    "find references with the typed walk (lib/journeys/graph/graph-references.ts), not by searching JSON text",
  eventName: "event names come from inngest/events.ts (the one registry); import the constant",
  conflictReason:
    "a ConflictError says why with a reason code (lib/errors.ts CONFLICT_REASONS), so the UI can word it in the viewer's language",
  waitForTimeout: "a fixed sleep: wait on state (expect(...).toHaveText, expect.poll, a response)",
  toBeDefined: "toBeDefined() says only that there is something: assert the value expected",
  silentSkip:
    "tests that need PostgreSQL use describeOnPostgres (db/testing/postgres-only.ts), which the run names and counts",
  skipOrOnly: "an unconditional .skip or .only leaves tests out without a word",
  fixedServerPort:
    "each e2e worker has a server of its own: reach it through baseURL or e2e/server.ts (E2E_BASE_URL, E2E_RESTART_PORT…), not a fixed port",
} as const;

const isTest = (file: string) =>
  /\.test\.tsx?$/.test(file) || /\.spec\.ts$/.test(file) || file.startsWith("e2e/");
const isExemptSource = (file: string) => isTest(file) || /(^|\/)testing\//.test(file);

function walk(file: string, src: string, visit: (n: ts.Node, sf: ts.SourceFile) => void) {
  const kind = file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const sf = ts.createSourceFile(file, src, ts.ScriptTarget.Latest, true, kind);
  const go = (n: ts.Node) => {
    visit(n, sf);
    ts.forEachChild(n, go);
  };
  go(sf);
  return sf;
}

const lineOf = (sf: ts.SourceFile, n: ts.Node) =>
  sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1;

const propName = (p: ts.ObjectLiteralElementLike) =>
  ts.isPropertyAssignment(p) &&
  (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name) || ts.isNumericLiteral(p.name))
    ? p.name.text
    : null;

/** A value that names or draws: a string, a component (PascalCase) or a JSX element. */
const isLabelOrIcon = (e: ts.Expression) =>
  ts.isStringLiteral(e) ||
  ts.isNoSubstitutionTemplateLiteral(e) ||
  (ts.isIdentifier(e) && /^[A-Z]/.test(e.text)) ||
  ts.isJsxElement(e) ||
  ts.isJsxSelfClosingElement(e);

/** Maps keyed by most send channels to strings or icons, outside their homes. */
export function channelMapViolations(file: string, src: string): TViolation[] {
  if (isExemptSource(file) || file in CHANNEL_MAP_HOMES) return [];
  const out: TViolation[] = [];
  walk(file, src, (n, sf) => {
    if (!ts.isObjectLiteralExpression(n)) return;
    const channelProps = n.properties.filter((p) => SEND_CHANNEL_KEYS.includes(propName(p) ?? ""));
    if (channelProps.length < 4) return;
    if (channelProps.every((p) => ts.isPropertyAssignment(p) && isLabelOrIcon(p.initializer)))
      out.push({ file, line: lineOf(sf, n), specifier: "channel map", rule: RULES.channelMap });
  });
  return out;
}

/** `role="alert"` written by hand rather than through ErrorAlert. */
export function roleAlertViolations(file: string, src: string): TViolation[] {
  if (!file.endsWith(".tsx") || isTest(file) || file === "components/ui/error-alert.tsx") return [];
  const out: TViolation[] = [];
  walk(file, src, (n, sf) => {
    if (!ts.isJsxAttribute(n) || n.name.getText(sf) !== "role" || !n.initializer) return;
    const init = n.initializer;
    const value = ts.isStringLiteral(init)
      ? init.text
      : ts.isJsxExpression(init) && init.expression && ts.isStringLiteralLike(init.expression)
        ? init.expression.text
        : null;
    if (value === "alert")
      out.push({ file, line: lineOf(sf, n), specifier: 'role="alert"', rule: RULES.roleAlert });
  });
  return out;
}

/** A filter form of its own: `role="search"`, or useUrlForm, outside FilterBar. */
export function filterBarViolations(file: string, src: string): TViolation[] {
  if (!file.endsWith(".tsx") && !file.endsWith(".ts")) return [];
  if (isTest(file) || file === FILTER_BAR_HOME || file === `${URL_FORM_HOOK}.ts`) return [];
  const out: TViolation[] = [];
  walk(file, src, (n, sf) => {
    if (
      ts.isImportDeclaration(n) &&
      ts.isStringLiteral(n.moduleSpecifier) &&
      /(^|\/)use-url-form$/.test(n.moduleSpecifier.text)
    )
      out.push({ file, line: lineOf(sf, n), specifier: "useUrlForm", rule: RULES.filterBar });
    if (!ts.isJsxAttribute(n) || n.name.getText(sf) !== "role" || !n.initializer) return;
    const init = n.initializer;
    const value = ts.isStringLiteral(init)
      ? init.text
      : ts.isJsxExpression(init) && init.expression && ts.isStringLiteralLike(init.expression)
        ? init.expression.text
        : null;
    if (value === "search")
      out.push({ file, line: lineOf(sf, n), specifier: 'role="search"', rule: RULES.filterBar });
  });
  return out;
}

/** A DELETE sent from the browser without ConfirmDeleteButton's question and error line. */
export function confirmDeleteViolations(file: string, src: string): TViolation[] {
  if (!file.startsWith("components/") || isTest(file) || file in DELETE_HOMES) return [];
  const out: TViolation[] = [];
  walk(file, src, (n, sf) => {
    if (
      ts.isPropertyAssignment(n) &&
      n.name.getText(sf) === "method" &&
      ts.isStringLiteralLike(n.initializer) &&
      n.initializer.text.toUpperCase() === "DELETE"
    )
      out.push({
        file,
        line: lineOf(sf, n),
        specifier: 'method: "DELETE"',
        rule: RULES.confirmDelete,
      });
  });
  return out;
}

const TEXT_LIKE = /::\s*text\s+i?like\b|\bas\s+text\s*\)\s*i?like\b/i;

/** Searching a graph's (or any JSON's) text for an id: `::text like '%id%'`, `JSON.stringify(x).includes(id)`. */
export function graphTextSearchViolations(file: string, src: string): TViolation[] {
  if (isExemptSource(file)) return [];
  const out: TViolation[] = [];
  walk(file, src, (n, sf) => {
    const text = ts.isStringLiteralLike(n) || ts.isTemplateLiteralToken(n) ? n.text : null;
    if (text !== null && TEXT_LIKE.test(text))
      out.push({ file, line: lineOf(sf, n), specifier: "::text like", rule: RULES.graphText });
    if (
      ts.isPropertyAccessExpression(n) &&
      ["includes", "indexOf", "search", "match"].includes(n.name.text) &&
      ts.isCallExpression(n.expression) &&
      n.expression.expression.getText(sf) === "JSON.stringify"
    )
      out.push({
        file,
        line: lineOf(sf, n),
        specifier: `JSON.stringify(…).${n.name.text}`,
        rule: RULES.graphText,
      });
  });
  return out;
}

/** String literals that spell a registered event name outside the registry. */
export function eventNameViolations(
  file: string,
  src: string,
  names: readonly string[],
): TViolation[] {
  if (isExemptSource(file) || file === EVENT_REGISTRY || file in EVENT_NAME_EXCEPTIONS) return [];
  const wanted = new Set(names);
  const out: TViolation[] = [];
  walk(file, src, (n, sf) => {
    if (ts.isStringLiteralLike(n) && wanted.has(n.text) && !ts.isImportDeclaration(n.parent))
      out.push({ file, line: lineOf(sf, n), specifier: n.text, rule: RULES.eventName });
  });
  return out;
}

const TEST_FNS = new Set(["describe", "it", "test"]);

/** Tests that cannot fail, or that drop out silently. */
export function testHygieneViolations(file: string, src: string): TViolation[] {
  if (!isTest(file) || file === "db/testing/postgres-only.ts") return [];
  const out: TViolation[] = [];
  const flag = (sf: ts.SourceFile, n: ts.Node, specifier: string, rule: string) =>
    out.push({ file, line: lineOf(sf, n), specifier, rule });
  walk(file, src, (n, sf) => {
    if (!ts.isCallExpression(n) || !ts.isPropertyAccessExpression(n.expression)) return;
    const method = n.expression.name.text;
    const target = n.expression.expression.getText(sf);
    if (method === "waitForTimeout") flag(sf, n, "waitForTimeout", RULES.waitForTimeout);
    if (method === "toBeDefined") flag(sf, n, "toBeDefined()", RULES.toBeDefined);
    if (
      (method === "skipIf" || method === "runIf") &&
      n.arguments.some((a) => /DATABASE_URL/.test(a.getText(sf)))
    )
      flag(sf, n, `${target}.${method}(DATABASE_URL)`, RULES.silentSkip);
    const root = target.split(".")[0]!;
    if (TEST_FNS.has(root) && method === "only") flag(sf, n, `${target}.only`, RULES.skipOrOnly);
    // Playwright's test.skip(condition, reason) is a decision made at run time; a skip with a
    // title (vitest's it.skip("…", fn), Playwright's test.skip("…", fn)) drops a test for good.
    if (TEST_FNS.has(root) && method === "skip" && n.arguments[0]) {
      if (ts.isStringLiteralLike(n.arguments[0])) flag(sf, n, `${target}.skip`, RULES.skipOrOnly);
    }
  });
  if (file.startsWith("e2e/") && file !== "e2e/server.ts")
    walk(file, src, (n, sf) => {
      if (
        (ts.isStringLiteralLike(n) || ts.isTemplateHead(n) || ts.isTemplateMiddle(n)) &&
        /\b(127\.0\.0\.1|localhost):\d/.test(n.text)
      )
        flag(sf, n, n.text.match(/\b(127\.0\.0\.1|localhost):\d+/)![0], RULES.fixedServerPort);
    });
  walk(file, src, (n, sf) => {
    if (
      ts.isIfStatement(n) &&
      /DATABASE_URL/.test(n.expression.getText(sf)) &&
      (ts.isReturnStatement(n.thenStatement) ||
        (ts.isBlock(n.thenStatement) &&
          n.thenStatement.statements.length === 1 &&
          ts.isReturnStatement(n.thenStatement.statements[0]!)))
    )
      flag(sf, n, "if (DATABASE_URL) return", RULES.silentSkip);
  });
  return out;
}

/** A `new ConflictError(...)` without its third argument, the reason the UI words. */
export function conflictReasonViolations(file: string, src: string): TViolation[] {
  if (isTest(file) || !/\.tsx?$/.test(file)) return [];
  const out: TViolation[] = [];
  walk(file, src, (n, sf) => {
    if (
      ts.isNewExpression(n) &&
      n.expression.getText(sf) === "ConflictError" &&
      (n.arguments?.length ?? 0) < 3
    )
      out.push({
        file,
        line: lineOf(sf, n),
        specifier: "new ConflictError",
        rule: RULES.conflictReason,
      });
  });
  return out;
}

/** Every rule of this file on one file. */
export function codeViolations(file: string, src: string, eventNames: readonly string[]) {
  // The rules' own files spell the patterns they look for.
  if (file.startsWith("scripts/architecture/")) return [];
  return [
    ...channelMapViolations(file, src),
    ...roleAlertViolations(file, src),
    ...filterBarViolations(file, src),
    ...confirmDeleteViolations(file, src),
    ...graphTextSearchViolations(file, src),
    ...eventNameViolations(file, src, eventNames),
    ...testHygieneViolations(file, src),
    ...conflictReasonViolations(file, src),
  ];
}
