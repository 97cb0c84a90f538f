/** A send that cannot go out because a value its template prints is absent and has no `default`. */
export class MissingValueError extends Error {
  constructor(readonly variable: string) {
    super(`missing value: ${variable}`);
  }
}

/** The error a render threw on purpose, under LiquidJS's RenderError wrappers. */
export function missingValueIn(err: unknown): MissingValueError | null {
  for (let e: unknown = err, depth = 0; e && depth < 10; depth++) {
    if (e instanceof MissingValueError) return e;
    e =
      (e as { originalError?: unknown; cause?: unknown }).originalError ??
      (e as { cause?: unknown }).cause;
  }
  return null;
}
