import ts from "typescript";

/**
 * Finds user-facing English written straight into a .tsx file: JSX text, a string literal as a
 * JSX child, and string values of the props people read (placeholder, title, aria-label, alt,
 * aria-description, label). Text with no letter in it ("·", "—", "42%") is not a string to
 * translate. Everything else goes through the catalogues in lib/i18n/messages.
 */
export const TEXT_PROPS = new Set([
  "placeholder",
  "title",
  "aria-label",
  "aria-description",
  "aria-valuetext",
  "alt",
  "label",
  "description",
]);

export type TLiteral = { line: number; text: string };

const hasWords = (s: string) => /\p{L}{2,}/u.test(s);

export function uiLiterals(file: string, src: string): TLiteral[] {
  const sf = ts.createSourceFile(file, src, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: TLiteral[] = [];
  const add = (n: ts.Node, text: string) =>
    found.push({
      line: sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1,
      text: text.trim().replace(/\s+/g, " "),
    });
  // The text an expression can show: a string, a template's fixed parts, or either side of a
  // condition (`{pending ? "Saving…" : "Save"}`) or fallback (`{name ?? "Untitled"}`).
  const stringOf = (e: ts.Expression | undefined): string | null => {
    if (!e) return null;
    if (ts.isParenthesizedExpression(e)) return stringOf(e.expression);
    if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return e.text;
    if (ts.isTemplateExpression(e))
      return e.head.text + e.templateSpans.map((s) => s.literal.text).join(" ");
    if (ts.isConditionalExpression(e))
      return (
        [stringOf(e.whenTrue), stringOf(e.whenFalse)].filter((x) => x !== null).join(" ") || null
      );
    if (
      ts.isBinaryExpression(e) &&
      (e.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken ||
        e.operatorToken.kind === ts.SyntaxKind.BarBarToken ||
        e.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken)
    )
      return stringOf(e.right);
    return null;
  };
  const visit = (n: ts.Node) => {
    if (ts.isJsxText(n) && hasWords(n.text)) add(n, n.text);
    else if (ts.isJsxExpression(n) && n.parent && !ts.isJsxAttribute(n.parent)) {
      const s = stringOf(n.expression);
      if (s !== null && hasWords(s)) add(n, s);
    } else if (ts.isJsxAttribute(n) && TEXT_PROPS.has(n.name.getText(sf))) {
      const init = n.initializer;
      const s = !init
        ? null
        : ts.isStringLiteral(init)
          ? init.text
          : ts.isJsxExpression(init)
            ? stringOf(init.expression)
            : null;
      if (s !== null && hasWords(s)) add(n, `${n.name.getText(sf)}="${s}"`);
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return found;
}
