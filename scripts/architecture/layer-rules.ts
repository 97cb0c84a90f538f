import path from "node:path";
import ts from "typescript";

/**
 * The layer rules of README's architecture section, checked on one file's imports. Data flows
 * one way (page → route → lib → db/queries), so:
 * - `db/` imports `lib/` only as types (its one runtime need, the validated env, is `lib/env`);
 * - drizzle (query builders, `sql`) and the tables of `db/schema` are used only in `db/queries`
 *   (and the schema itself; the rest of `db/` takes only drivers and migrators); the segment
 *   compiler, which only builds SQL for queries to run, is the exception;
 * - `lib/` never imports `inngest/`: adapters to Inngest live there and are handed to lib as ports;
 * - `components/` import `db/` only as types (they run in the browser).
 * Tests and `testing/` helpers may reach across layers to arrange and observe, so they are exempt,
 * but for the inngest/ rule.
 */
export type TImport = { specifier: string; typeOnly: boolean; line: number };
export type TViolation = { file: string; line: number; specifier: string; rule: string };

export const SQL_BUILDERS_OUTSIDE_DB = new Set(["lib/segments/segment-to-sql.ts"]);
const DB_RUNTIME_IMPORTS_FROM_LIB = new Set(["lib/env"]);
/** What db/index.ts and db/migrate.ts need from drizzle: the two drivers and their migrators. */
const DRIVER_MODULES = /^drizzle-orm\/(pglite|node-postgres)(\/migrator)?$/;

const RULES = {
  dbImportsLibAsTypes: "db/ imports lib/ only as `import type` (lib depends on db, not back)",
  sqlOnlyInDb: "drizzle query builders and `sql` live in db/queries; call a query function instead",
  tablesOnlyInDb: "tables of db/schema are queried only in db/queries; call a query function",
  libNeverImportsInngest:
    "lib/ never imports inngest/; take the adapter as a port (inngest/ binds it)",
  componentsImportDbAsTypes:
    "components/ import db/ only as `import type` (they run in the browser)",
} as const;

const isExempt = (file: string) => /\.test\.tsx?$/.test(file) || /(^|\/)testing\//.test(file);

/** Every static import, re-export and `import()` of a file, with whether it is type-only. */
export function importsOf(file: string, src: string): TImport[] {
  const sf = ts.createSourceFile(file, src, ts.ScriptTarget.Latest, true);
  const line = (n: ts.Node) => sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1;
  const out: TImport[] = [];
  const visit = (n: ts.Node) => {
    if (ts.isImportDeclaration(n) && ts.isStringLiteral(n.moduleSpecifier)) {
      const c = n.importClause;
      const named = c?.namedBindings && ts.isNamedImports(c.namedBindings) ? c.namedBindings : null;
      const typeOnly = Boolean(
        c &&
        (c.isTypeOnly ||
          (!c.name && named && named.elements.length && named.elements.every((e) => e.isTypeOnly))),
      );
      out.push({ specifier: n.moduleSpecifier.text, typeOnly, line: line(n) });
    } else if (
      ts.isExportDeclaration(n) &&
      n.moduleSpecifier &&
      ts.isStringLiteral(n.moduleSpecifier)
    ) {
      const els =
        n.exportClause && ts.isNamedExports(n.exportClause) ? n.exportClause.elements : null;
      const typeOnly = n.isTypeOnly || Boolean(els?.length && els.every((e) => e.isTypeOnly));
      out.push({ specifier: n.moduleSpecifier.text, typeOnly, line: line(n) });
    } else if (
      ts.isCallExpression(n) &&
      n.expression.kind === ts.SyntaxKind.ImportKeyword &&
      n.arguments[0] &&
      ts.isStringLiteralLike(n.arguments[0])
    ) {
      out.push({ specifier: n.arguments[0].text, typeOnly: false, line: line(n) });
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return out;
}

/** Runtime bindings a statement takes from a module (for telling tables from constants). */
function runtimeNames(src: string, imp: TImport): string[] | "all" {
  const stmt = src
    .split("\n")
    .slice(imp.line - 1)
    .join("\n");
  const m = /^\s*import\s+(?:type\s+)?(\*|[\w$]+)?\s*,?\s*(\{[^}]*\})?/.exec(stmt);
  if (!m || m[1]) return "all";
  return (m[2] ?? "{}")
    .slice(1, -1)
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s && !s.startsWith("type "))
    .map((s) => s.split(/\s+as\s+/)[0]!.trim());
}

/** The repo path an import points at (`@/x` and relative ones), or null for packages. */
export function targetOf(file: string, specifier: string): string | null {
  if (specifier.startsWith("@/")) return path.posix.normalize(specifier.slice(2));
  if (specifier.startsWith(".")) return path.posix.join(path.posix.dirname(file), specifier);
  return null;
}

const under = (p: string | null, dir: string) =>
  p !== null && (p === dir || p.startsWith(dir + "/"));
const stripExt = (p: string) => p.replace(/\.(tsx?|mts|js)$/, "");

/** What in one file (repo-relative posix path) breaks a layer rule. */
export function layerViolations(file: string, src: string): TViolation[] {
  const out: TViolation[] = [];
  const flag = (imp: TImport, rule: string) =>
    out.push({ file, line: imp.line, specifier: imp.specifier, rule });
  for (const imp of importsOf(file, src)) {
    const target = targetOf(file, imp.specifier);
    const t = target && stripExt(target);
    // Not even lib's tests import inngest/: what needs the executor is tested from inngest/.
    if (under(file, "lib") && under(t, "inngest")) flag(imp, RULES.libNeverImportsInngest);
    if (isExempt(file)) continue;
    if (
      under(file, "db") &&
      under(t, "lib") &&
      !imp.typeOnly &&
      !DB_RUNTIME_IMPORTS_FROM_LIB.has(t!)
    )
      flag(imp, RULES.dbImportsLibAsTypes);
    const drizzle = imp.specifier === "drizzle-orm" || imp.specifier.startsWith("drizzle-orm/");
    if (under(file, "db") && !under(file, "db/queries") && !under(file, "db/schema")) {
      // The rest of db/ opens connections and migrates: drivers and migrators, never queries.
      if (drizzle && !imp.typeOnly && !DRIVER_MODULES.test(imp.specifier))
        flag(imp, RULES.sqlOnlyInDb);
    }
    if (!under(file, "db")) {
      if (drizzle && !imp.typeOnly && !SQL_BUILDERS_OUTSIDE_DB.has(file))
        flag(imp, RULES.sqlOnlyInDb);
      if (under(t, "db/schema") && !imp.typeOnly) {
        // Constants (enum value lists such as CHANNELS) may be shared; tables may not.
        const names = runtimeNames(src, imp);
        if (names === "all" || names.some((n) => !/^[A-Z][A-Z0-9_]*$/.test(n)))
          flag(imp, RULES.tablesOnlyInDb);
      }
    }
    if (under(file, "components") && under(t, "db") && !imp.typeOnly)
      flag(imp, RULES.componentsImportDbAsTypes);
  }
  return out;
}

export const formatViolation = (v: TViolation) =>
  `${v.file}:${v.line} imports "${v.specifier}": ${v.rule}`;

/**
 * The query-function convention: in db/queries, the executor (a transaction or `db()`) is the
 * last parameter, so every call reads the same way and the default can be left off.
 */
export function queryConventionViolations(file: string, src: string): TViolation[] {
  if (!/^db\/queries\/[^/]+\.ts$/.test(file) || isExempt(file)) return [];
  const sf = ts.createSourceFile(file, src, ts.ScriptTarget.Latest, true);
  const out: TViolation[] = [];
  for (const st of sf.statements) {
    if (!ts.isFunctionDeclaration(st) || !st.name) continue;
    const ps = st.parameters;
    const at = ps.findIndex((p) => p.type?.getText(sf) === "Executor");
    if (at !== -1 && at !== ps.length - 1)
      out.push({
        file,
        line: sf.getLineAndCharacterOfPosition(st.getStart(sf)).line + 1,
        specifier: st.name.text,
        rule: "a query function takes its executor as the last parameter",
      });
  }
  return out;
}

/**
 * Why a query function in db/queries may take no `workspaceId`: its file's tables belong to no
 * workspace, or it addresses rows by a key one workspace owns, handed to it by a workspace-scoped
 * read, a signed token or a job (`file` for the whole file, `file#function` for one). A query that
 * deliberately reads or writes across workspaces says so in its name instead: `…AnyWorkspace`.
 */
export const UNSCOPED_QUERIES: Record<string, string> = {
  "db/queries/executor-clock.ts": "the executor's own tables",
  "db/queries/executor-crons.ts": "the executor's own tables",
  "db/queries/executor-events.ts": "the executor's own tables",
  "db/queries/executor-functions.ts": "the executor's own tables",
  "db/queries/executor-runs.ts": "the executor's own tables",
  "db/queries/executor-waits.ts": "the executor's own tables",
  "db/queries/users.ts": "a user belongs to no one workspace",
  "db/queries/throttles.ts": "keyed by the throttled caller",
  "db/queries/rate-buckets.ts": "keyed by a provider account or a campaign",
  "db/queries/system-status.ts": "the operator's view of the whole system",
  "db/queries/keyset.ts": "SQL helpers over no table",
  "db/queries/test-hook-sql.ts": "the e2e test hook (off in production)",
  "db/queries/demo-seed.ts": "the seed writes the demo workspace it creates",
  "db/queries/campaign-runs.ts": "a campaign run id (one workspace's run, from a job)",
  "db/queries/campaign-deliveries.ts": "a campaign run id (one workspace's run, from a job)",
  "db/queries/journey-triggers.ts": "a journey id from the workspace-scoped trigger sweep",
  "db/queries/contact-import-jobs.ts":
    "an import job the worker claimed (it carries its workspace)",
  "db/queries/pinpoint-event-imports.ts":
    "an event-history import the worker claimed (it carries its workspace)",
  "db/queries/analytics-rollups.ts#lockRefreshState": "the refresh's own state, global",
  "db/queries/analytics-rollups.ts#saveRefreshState": "the refresh's own state, global",
  "db/queries/analytics-rollups.ts#lastRefreshedAt": "the refresh's own state, global",
  "db/queries/analytics-rollups.ts#settledMaxEventId": "a watermark of the event id sequence",
  "db/queries/stream-events.ts#currentStreamHead":
    "the database's transaction watermark, the same for every workspace",
  "db/queries/api-keys.ts#findActiveApiKeyByHash": "the key's hash is what finds its workspace",
  "db/queries/pinpoint.ts#findActiveKeyByAccessKeyId":
    "the SigV4 access key id is what finds its workspace",
  "db/queries/pinpoint.ts#recordSignatureOnce": "the replay guard, keyed by the signature",
  "db/queries/pinpoint-imports.ts#findWorkspaceIdBySlug":
    "the import CLI's --workspace slug is what finds the workspace",
  "db/queries/workspaces.ts#findWorkspaceIdByPinpointApplicationId":
    "the Pinpoint application id in the path is what finds the workspace",
  "db/queries/channel-providers.ts#listAllChannelProviderRows":
    "re-sealing every workspace's secrets after AUTH_SECRET rotates",
  "db/queries/campaign-triggered.ts#listEndedListeningRunIds":
    "the scheduler closes every workspace's ended event-triggered runs",
  "db/queries/campaign-triggered.ts#enqueueTriggeredDelivery":
    "a campaign run id (one workspace's run, from the event router)",
  "db/queries/invites.ts#findInviteByTokenHash": "the token's hash is what finds its workspace",
  "db/queries/invites.ts#markInviteAccepted": "the invite the token found",
  "db/queries/journey-runs.ts#requeueFailedRun":
    "an executor run of an entry read in its workspace",
  "db/queries/journeys.ts#listPreviousEntries": "a journey and contact of one running entry",
  "db/queries/journeys.ts#lockJourneyContact": "a journey and contact of one running entry",
  "db/queries/journeys.ts#recordNodeVisit": "the entry a run is walking",
  "db/queries/journeys.ts#finishEntry": "the entry a run is walking",
  "db/queries/ingest.ts#lockContacts": "contacts the batch resolved in its workspace",
  "db/queries/segments.ts#previewQuerySettings": "session settings, no table",
  "db/queries/segments.ts#runSegmentCount": "a compiled segment query, scoped when compiled",
  "db/queries/segments.ts#insertMembers": "a static segment read in its workspace",
  "db/queries/segments.ts#isStaticMember": "a segment and contact of one workspace's journey",
  "db/queries/workspaces.ts#findMembershipBySlug": "the membership check itself (slug and user)",
  "db/queries/workspaces.ts#listWorkspacesForUser": "a user's own memberships",
  "db/queries/workspaces.ts#findTakenSlugs": "slugs are unique across workspaces",
  "db/queries/workspaces.ts#findWorkspaceById": "the id is the workspace",
};

/**
 * Every exported query function is scoped by a `workspaceId` (a parameter, or a field of one),
 * inserts a row that names its workspace (`insert…`), ends in `AnyWorkspace`, or is listed above.
 */
export function workspaceScopeViolations(file: string, src: string): TViolation[] {
  if (!/^db\/queries\/[^/]+\.ts$/.test(file) || isExempt(file) || file in UNSCOPED_QUERIES)
    return [];
  const sf = ts.createSourceFile(file, src, ts.ScriptTarget.Latest, true);
  const out: TViolation[] = [];
  for (const st of sf.statements) {
    if (!ts.isFunctionDeclaration(st) || !st.name) continue;
    if (!st.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) continue;
    const name = st.name.text;
    const scoped = st.parameters.some((p) => /\bworkspaceId\b/.test(p.getText(sf)));
    if (
      scoped ||
      name.endsWith("AnyWorkspace") ||
      /^insert[A-Z]/.test(name) ||
      `${file}#${name}` in UNSCOPED_QUERIES
    )
      continue;
    out.push({
      file,
      line: sf.getLineAndCharacterOfPosition(st.getStart(sf)).line + 1,
      specifier: name,
      rule: "a query takes a workspaceId, ends in AnyWorkspace (it crosses workspaces on purpose), or says in UNSCOPED_QUERIES why neither",
    });
  }
  return out;
}
