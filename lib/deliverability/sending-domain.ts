// A hostname as mail uses it: labels of letters, digits and hyphens (IDNs arrive as punycode).
const DOMAIN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}$/;

/**
 * The sending domain of a From address as a provider sent it (`hello@acme.com`,
 * `Acme <hello@Acme.com>`): lower case, or null when there is none to read. Bounce and complaint
 * rates are kept per sending domain because mailbox providers judge a domain's reputation, not
 * which API carried the mail.
 */
export function sendingDomainOf(from: string | null | undefined): string | null {
  if (!from) return null;
  const address = /<([^<>]*)>\s*$/.exec(from)?.[1] ?? from;
  const at = address.lastIndexOf("@");
  if (at < 1) return null;
  const domain = address
    .slice(at + 1)
    .trim()
    .replace(/\.$/, "")
    .toLowerCase();
  return DOMAIN.test(domain) ? domain : null;
}
