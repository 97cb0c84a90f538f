import path from "node:path";
import ts from "typescript";

/**
 * The layer rules of README's architecture section, checked on one file's imports. Data flows
 * one way (page → route → lib → db/queries), so:
 * - `db/` imports `lib/` only as types (its one runtime need, the validated env, is `lib/env`);
 * - drizzle (query builders, `sql`) and the tables of `db/schema` are used only in `db/`, where the
 *   queries live; the segment compiler, which only builds SQL for queries to run, is the exception;
 * - `lib/` never imports `inngest/`: adapters to Inngest live there and are handed to lib as ports;
 * - `components/` import `db/` only as types (they run in the browser).
 * Tests and `testing/` helpers may reach across layers to arrange and observe, so they are exempt.
 */
export type TImport = { specifier: string; typeOnly: boolean; line: number };
export type TViolation = { file: string; line: number; specifier: string; rule: string };

export const SQL_BUILDERS_OUTSIDE_DB = new Set(["lib/segments/segment-to-sql.ts"]);
const DB_RUNTIME_IMPORTS_FROM_LIB = new Set(["lib/env"]);

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
  if (isExempt(file)) return [];
  const out: TViolation[] = [];
  const flag = (imp: TImport, rule: string) =>
    out.push({ file, line: imp.line, specifier: imp.specifier, rule });
  for (const imp of importsOf(file, src)) {
    const target = targetOf(file, imp.specifier);
    const t = target && stripExt(target);
    if (
      under(file, "db") &&
      under(t, "lib") &&
      !imp.typeOnly &&
      !DB_RUNTIME_IMPORTS_FROM_LIB.has(t!)
    )
      flag(imp, RULES.dbImportsLibAsTypes);
    if (!under(file, "db")) {
      const drizzle = imp.specifier === "drizzle-orm" || imp.specifier.startsWith("drizzle-orm/");
      if (drizzle && !imp.typeOnly && !SQL_BUILDERS_OUTSIDE_DB.has(file))
        flag(imp, RULES.sqlOnlyInDb);
      if (under(t, "db/schema") && !imp.typeOnly) {
        // Constants (enum value lists such as CHANNELS) may be shared; tables may not.
        const names = runtimeNames(src, imp);
        if (names === "all" || names.some((n) => !/^[A-Z][A-Z0-9_]*$/.test(n)))
          flag(imp, RULES.tablesOnlyInDb);
      }
    }
    if (under(file, "lib") && under(t, "inngest")) flag(imp, RULES.libNeverImportsInngest);
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
