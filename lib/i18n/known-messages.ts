/**
 * Field errors that lib/ words in English for the API, matched back to catalogue keys so the UI can
 * show them in the viewer's language (as useApiErrorText does for error codes). `exact` maps a
 * fixed wording to its key; `patterns` pull the values out of a wording that carries some.
 */
export type TKnownMessages<K extends string> = {
  exact: Record<string, K>;
  patterns: [RegExp, K, string[]][];
};

export type TMatchedMessage<K extends string> = { key: K; values: Record<string, string> };

export function matchKnownMessage<K extends string>(
  known: TKnownMessages<K>,
  message: string,
): TMatchedMessage<K> | null {
  const key = Object.hasOwn(known.exact, message) ? known.exact[message] : undefined;
  if (key) return { key, values: {} };
  for (const [re, k, names] of known.patterns) {
    const m = re.exec(message);
    if (m) return { key: k, values: Object.fromEntries(names.map((n, i) => [n, m[i + 1]!])) };
  }
  return null;
}
