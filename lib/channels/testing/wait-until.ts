/** Polls `probe` until it returns a value, or rejects after `timeoutMs` with `message`. */
export async function waitUntil<T>(
  probe: () => T | undefined,
  timeoutMs: number,
  message: string,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = probe();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`${message} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
