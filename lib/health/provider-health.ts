// What this process has seen of each channel provider lately. A provider is failing after
// FAILING_AFTER sends in a row failed (any reason: timeouts, 5xx, refused auth) and the last one
// within the window; one success clears it. In-process on purpose: each replica reports what its
// own sends met, and Prometheus adds them up.

export const FAILING_AFTER = 5;
export const FAILING_WINDOW_MS = 5 * 60_000;

type TProviderState = { failuresInRow: number; lastFailureAt: number; lastSuccessAt: number };

const KEY = Symbol.for("waymark.provider-health");
const states: Map<string, TProviderState> = ((globalThis as Record<symbol, unknown>)[KEY] ??=
  new Map<string, TProviderState>()) as Map<string, TProviderState>;

const keyOf = (channel: string, provider: string) => `${channel}/${provider}`;

export function recordProviderOutcome(
  channel: string,
  provider: string,
  ok: boolean,
  at = Date.now(),
): void {
  const key = keyOf(channel, provider);
  const s = states.get(key) ?? { failuresInRow: 0, lastFailureAt: 0, lastSuccessAt: 0 };
  if (ok) states.set(key, { ...s, failuresInRow: 0, lastSuccessAt: at });
  else states.set(key, { ...s, failuresInRow: s.failuresInRow + 1, lastFailureAt: at });
}

export type TFailingProvider = { channel: string; provider: string; failuresInRow: number };

/** Providers failing now, as `channel/provider` with how many sends in a row failed. */
export function failingProviders(now = Date.now()): TFailingProvider[] {
  return [...states.entries()]
    .filter(
      ([, s]) => s.failuresInRow >= FAILING_AFTER && now - s.lastFailureAt <= FAILING_WINDOW_MS,
    )
    .map(([key, s]) => {
      const [channel = "", provider = ""] = key.split("/");
      return { channel, provider, failuresInRow: s.failuresInRow };
    })
    .sort((a, b) => (a.channel + a.provider).localeCompare(b.channel + b.provider));
}

/** Test-only. */
export function resetProviderHealth(): void {
  states.clear();
}
