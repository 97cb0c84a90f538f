/**
 * Variables every template may use, whatever the workspace. `*` accepts any deeper path.
 * Attributes are the workspace's own and come from the caller: each is known as
 * `contact.<name>` and `contact.attributes.<name>`.
 */
export const ALWAYS_KNOWN_VARIABLES = [
  "contact.id",
  "contact.userId",
  "contact.email",
  "contact.phone",
  "contact.firstName",
  "contact.lastName",
  "contact.timezone",
  "contact.locale",
  "contact.country",
  "contact.city",
  "contact.attributes",
  "contact.attributes.firstName",
  "contact.attributes.lastName",
  "event.name",
  "event.occurredAt",
  "event.properties.*",
  // The contact's account (Segment `group`): any trait, as `account.plan`.
  "account.*",
  "accounts",
  "workspace.name",
  "workspace.timezone",
  "message.id",
  "message.unsubscribeUrl",
  "message.preferencesUrl",
  "message.viewInBrowserUrl",
  "message.*",
  // What a transactional API call passes per recipient (`POST /api/v1/messages`, `context`).
  "context.*",
] as const;

export type TKnownVariables = { attributes?: readonly string[]; variables?: readonly string[] };

/** True when `path` (dotted, from the root) is a variable the template can expect to exist. */
export function makeIsKnown(known: TKnownVariables = {}): (path: string) => boolean {
  const exact = new Set<string>();
  const prefixes: string[] = [];
  const add = (k: string) => (k.endsWith(".*") ? prefixes.push(k.slice(0, -1)) : exact.add(k));
  ALWAYS_KNOWN_VARIABLES.forEach(add);
  for (const a of known.attributes ?? []) {
    add(`contact.${a}`);
    add(`contact.attributes.${a}`);
  }
  known.variables?.forEach(add);
  return (path) => {
    if (exact.has(path) || prefixes.some((p) => path.startsWith(p) || path === p.slice(0, -1)))
      return true;
    // A property of a known value (`contact.firstName.size`, `contact.address.city`); but
    // `contact.attributes` alone does not make every attribute known.
    for (let cut = path.lastIndexOf("."); cut > 0; cut = path.lastIndexOf(".", cut - 1)) {
      const parent = path.slice(0, cut);
      if (exact.has(parent) && parent !== "contact.attributes") return true;
    }
    return false;
  };
}
