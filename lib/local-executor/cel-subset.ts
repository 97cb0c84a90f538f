// The `if` of step.waitForEvent and cancelOn: the CEL subset shared with lib/journeys
// (/work/notes/cel-subset.md). Anything else is refused with the expression in the message,
// because silently matching nothing (or everything) would strand or misroute contacts.

type TOperand =
  { kind: "path"; root: "event" | "async"; path: string[] } | { kind: "literal"; value: unknown };
type TClause = { left: TOperand; right: TOperand };
export type TMatcher = (
  event: Record<string, unknown>,
  candidate: Record<string, unknown>,
) => boolean;

export class UnsupportedExpressionError extends Error {
  constructor(expression: string, why: string) {
    super(
      `Unsupported wait/cancel expression ${JSON.stringify(expression)}: ${why}. The local executor supports only "async.data.<path> == <event.data.<path> | literal>" clauses joined by " && ".`,
    );
  }
}

const IDENT = "[A-Za-z_][A-Za-z0-9_]*";
const PATH = new RegExp(`^(event|async)\\.data((?:\\.${IDENT})+)$`);
const STRING = /^'((?:[^'\\]|\\['\\])*)'$/;
const NUMBER = /^-?\d+(?:\.\d+)?$/;

function parseOperand(raw: string, expression: string): TOperand {
  const path = PATH.exec(raw);
  if (path)
    return { kind: "path", root: path[1] as "event" | "async", path: path[2]!.slice(1).split(".") };
  const str = STRING.exec(raw);
  if (str) return { kind: "literal", value: str[1]!.replace(/\\(['\\])/g, "$1") };
  if (NUMBER.test(raw)) return { kind: "literal", value: Number(raw) };
  if (raw === "true" || raw === "false") return { kind: "literal", value: raw === "true" };
  if (raw === "null") return { kind: "literal", value: null };
  throw new UnsupportedExpressionError(expression, `cannot read operand ${JSON.stringify(raw)}`);
}

/** Splits on " && " outside single-quoted strings. */
function splitClauses(expression: string): string[] {
  const parts: string[] = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i < expression.length; i++) {
    const c = expression[i];
    if (quoted && c === "\\") i++;
    else if (c === "'") quoted = !quoted;
    else if (!quoted && expression.startsWith(" && ", i)) {
      parts.push(expression.slice(start, i));
      start = i + 4;
      i += 3;
    }
  }
  parts.push(expression.slice(start));
  return parts;
}

function splitEquals(clause: string, expression: string): [string, string] {
  let quoted = false;
  for (let i = 0; i < clause.length; i++) {
    const c = clause[i];
    if (quoted && c === "\\") i++;
    else if (c === "'") quoted = !quoted;
    else if (!quoted && clause.startsWith(" == ", i))
      return [clause.slice(0, i), clause.slice(i + 4)];
  }
  throw new UnsupportedExpressionError(
    expression,
    `clause ${JSON.stringify(clause)} is not "<a> == <b>"`,
  );
}

function parseClause(raw: string, expression: string): TClause {
  const [l, r] = splitEquals(raw, expression);
  let left = parseOperand(l, expression);
  let right = parseOperand(r, expression);
  // The SDK's `match: "data.x"` shorthand emits `event.data.x == async.data.x`; accept that mirror.
  if (
    right.kind === "path" &&
    right.root === "async" &&
    !(left.kind === "path" && left.root === "async")
  )
    [left, right] = [right, left];
  if (left.kind !== "path" || left.root !== "async")
    throw new UnsupportedExpressionError(expression, "each clause must compare an async.data path");
  if (right.kind === "path" && right.root !== "event")
    throw new UnsupportedExpressionError(
      expression,
      "the right side must be event.data.<path> or a literal",
    );
  return { left, right };
}

function read(root: unknown, path: string[]): unknown {
  let v = root;
  for (const key of path) {
    if (v === null || typeof v !== "object" || Array.isArray(v) || !Object.hasOwn(v, key))
      return undefined;
    v = (v as Record<string, unknown>)[key];
  }
  return v;
}

function valueOf(
  op: TOperand,
  event: Record<string, unknown>,
  candidate: Record<string, unknown>,
): unknown {
  if (op.kind === "literal") return op.value;
  return read((op.root === "event" ? event : candidate).data, op.path);
}

/** Compiles an expression into a matcher; throws UnsupportedExpressionError outside the subset. */
export function compileExpression(expression: string): TMatcher {
  const clauses = splitClauses(expression.trim()).map((c) => parseClause(c, expression));
  return (event, candidate) =>
    clauses.every(({ left, right }) => {
      const a = valueOf(left, event, candidate);
      const b = valueOf(right, event, candidate);
      // A missing field never equals anything (CEL would raise "no such key", which is no match).
      return a !== undefined && b !== undefined && a === b;
    });
}
