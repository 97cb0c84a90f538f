/**
 * A Pinpoint message variable (`User.UserAttributes.FirstName`, `Attributes.Plan.[0]`,
 * `Demographic.Timezone`) as the Liquid path of the same value on a Waymark contact. Endpoint
 * attributes, user attributes and metrics all became contact attributes (pinpoint-endpoint-
 * mapping.ts), a one-value list its value, so `.[0]` reads the attribute itself.
 */
export type TVariable =
  { ok: true; liquid: string; approx?: string } | { ok: false; reason: string };

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;

function attribute(name: string): string {
  return IDENT.test(name)
    ? `contact.attributes.${name}`
    : `contact.attributes[${JSON.stringify(name)}]`;
}

/** `A.[Last Name].[0]` → ["A", "Last Name", "0"]. */
export function splitPath(path: string): string[] {
  const out: string[] = [];
  const re = /\[([^\]]*)\]|([^.[\]]+)/g;
  for (const m of path.matchAll(re)) out.push(m[1] ?? m[2]!);
  return out;
}

const PROFILE: Record<string, string> = {
  "User.UserId": "contact.userId",
  "Demographic.Timezone": "contact.timezone",
  "Demographic.Locale": "contact.locale",
  "Location.Country": "contact.country",
  "Location.City": "contact.city",
};

export function mapVariable(path: string, channel: string): TVariable {
  const parts = splitPath(path);
  let approx: string | undefined;
  if (parts.length > 1 && /^\d+$/.test(parts[parts.length - 1]!)) {
    if (parts[parts.length - 1] !== "0")
      return { ok: false, reason: "only the first value of a list attribute can be read" };
    parts.pop();
    approx = "attributes with one value are stored as that value, so [0] reads the attribute";
  }
  const [head, second, third] = parts;
  const key = parts.join(".");
  if (PROFILE[key]) return { ok: true, liquid: PROFILE[key], approx };
  if (head === "User" && second === "UserAttributes" && third && parts.length === 3)
    return { ok: true, liquid: attribute(third), approx };
  if ((head === "Attributes" || head === "Metrics") && second && parts.length === 2)
    return {
      ok: true,
      liquid: attribute(second),
      approx:
        approx ??
        (head === "Attributes"
          ? "endpoint attributes are merged into the contact's attributes"
          : undefined),
    };
  if (key === "Address") {
    if (channel === "email") return { ok: true, liquid: "contact.email" };
    if (channel === "sms" || channel === "voice") return { ok: true, liquid: "contact.phone" };
    return { ok: false, reason: "a push or in-app address is a device token, not readable" };
  }
  if (key === "Id")
    return {
      ok: true,
      liquid: "contact.id",
      approx: "the Waymark contact id stands for the Pinpoint endpoint id",
    };
  if (head === "Recommendations" || head === "RecommendationItems")
    return { ok: false, reason: "Amazon Personalize recommendations have no Waymark equivalent" };
  return { ok: false, reason: `no contact field holds ${key}` };
}
