import { isFalsy, toValue, TokenKind, type Context, type Emitter, type Output } from "liquidjs";
import { MissingValueError } from "./missing-value";

/**
 * Most outputs in a template are `{{ a.b.c }}` or `{{ a.b.c | default: "x" }}`. LiquidJS evaluates
 * them through some ten nested generators each; these take one lookup, which roughly doubles the
 * emails a core personalises per second (bench/email-personalise.ts). Same semantics: the same
 * scope lookup (`ctx._get`, so loop variables, `size`, `first` and own-property-only all behave),
 * Liquid's `default` rule, the same missing-value rule and the engine's escaper.
 * Anything else (more filters, dynamic keys, `allow_false`) keeps the general path.
 */
type TToken = { kind: number; content?: unknown };
type TPropertyAccess = TToken & { variable?: unknown; props: TToken[] };
const literal = (t: unknown): t is { content: unknown } =>
  typeof t === "object" && t !== null && "content" in t && !Array.isArray(t);

export function fastOutputRender(
  output: Output,
  expression: string,
  escape: (v: unknown) => string,
) {
  const initial = output.value.initial as unknown as { postfix: TToken[] };
  const [token, ...rest] = initial.postfix;
  if (!token || rest.length || token.kind !== TokenKind.PropertyAccess) return null;
  const access = token as TPropertyAccess;
  if (access.variable !== undefined || !access.props.every(literal)) return null;
  const path = access.props.map((p) => p.content as string | number);

  // Filters here: the engine's escaper last; at most one `default` with one literal argument before it.
  const filters = output.value.filters;
  const own = filters.slice(0, -1);
  if ((filters.at(-1) as { handler?: unknown } | undefined)?.handler !== escape) return null;
  if (
    own.length > 1 ||
    (own[0] && (own[0].name !== "default" || own[0].args.length !== 1 || !literal(own[0].args[0])))
  )
    return null;
  const hasDefault = own.length === 1;
  const fallback = hasDefault ? (own[0]!.args[0] as { content: unknown }).content : undefined;

  return function* render(ctx: Context, emitter: Emitter): Generator<unknown, void, unknown> {
    let value = toValue(
      yield (ctx as unknown as { _get(p: (string | number)[]): unknown })._get(path),
    );
    if (hasDefault) {
      const empty =
        typeof value === "string" || Array.isArray(value)
          ? value.length === 0
          : isFalsy(value, ctx);
      if (empty) value = fallback;
    } else if (value === undefined || value === null || value === "")
      throw new MissingValueError(expression);
    emitter.write(escape(value));
  };
}
