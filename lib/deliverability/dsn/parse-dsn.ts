/**
 * RFC 3464 delivery status notifications (the bounces a mail server sends back): a
 * `multipart/report; report-type=delivery-status` message whose `message/delivery-status` part
 * holds per-message fields, then one field group per recipient (Final-Recipient, Action, Status,
 * Diagnostic-Code), and usually the original message or its headers after it.
 */
export type TDsnRecipient = {
  /** The address, without its `rfc822;` type. */
  finalRecipient: string;
  originalRecipient: string | null;
  /** `failed`, `delayed`, `delivered`, `relayed` or `expanded`. */
  action: string;
  /** RFC 3463 status, `5.1.1`. */
  status: string | null;
  diagnosticCode: string | null;
};

export type TDsn = {
  /** The DSN's own Message-ID (a replay of the same report has the same one). */
  dsnMessageId: string | null;
  /** Where the report was sent: the VERP return path names the message it is about. */
  to: string | null;
  reportingMta: string | null;
  arrivalDate: string | null;
  recipients: TDsnRecipient[];
  /** Message-ID of the original message, from the returned message or headers. */
  originalMessageId: string | null;
};

type THeaders = Map<string, string>;

/** Header block → lower-cased names; folded lines unfolded; the first of a repeated name wins. */
export function parseHeaderBlock(block: string): THeaders {
  const headers: THeaders = new Map();
  const unfolded = block.replace(/\r\n/g, "\n").replace(/\n[ \t]+/g, " ");
  for (const line of unfolded.split("\n")) {
    const colon = line.indexOf(":");
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    if (!headers.has(name)) headers.set(name, line.slice(colon + 1).trim());
  }
  return headers;
}

function splitHead(text: string): { head: string; body: string } {
  const normal = text.replace(/\r\n/g, "\n");
  const at = normal.indexOf("\n\n");
  return at < 0
    ? { head: normal, body: "" }
    : { head: normal.slice(0, at), body: normal.slice(at + 2) };
}

/** A Content-Type parameter (`boundary`, `report-type`), quoted or not. */
export function contentTypeParam(contentType: string, name: string): string | null {
  const re = new RegExp(`;\\s*${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]+))`, "i");
  const m = re.exec(contentType);
  return m ? (m[1] ?? m[2] ?? null) : null;
}

type TPart = { headers: THeaders; body: string };

function parseParts(body: string, boundary: string): TPart[] {
  const delimiter = `--${boundary}`;
  const lines = body.split("\n");
  const parts: string[][] = [];
  let current: string[] | null = null;
  for (const line of lines) {
    const trimmed = line.trimEnd();
    if (trimmed === `${delimiter}--`) break;
    if (trimmed === delimiter) {
      current = [];
      parts.push(current);
      continue;
    }
    current?.push(line);
  }
  return parts.map((p) => {
    const { head, body: partBody } = splitHead(p.join("\n"));
    return { headers: parseHeaderBlock(head), body: partBody };
  });
}

/** Every leaf part of a MIME message, depth first (nested multiparts opened, at most 5 deep). */
function leaves(headers: THeaders, body: string, depth = 0): TPart[] {
  const type = headers.get("content-type") ?? "text/plain";
  const boundary = contentTypeParam(type, "boundary");
  if (!/^multipart\//i.test(type) || !boundary || depth > 5) return [{ headers, body }];
  return parseParts(body, boundary).flatMap((p) => leaves(p.headers, p.body, depth + 1));
}

const stripType = (v: string | undefined) =>
  v === undefined
    ? null
    : v
        .replace(/^[a-z0-9-]+\s*;\s*/i, "")
        .replace(/^<|>$/g, "")
        .trim();

/** The per-message group and per-recipient groups of a delivery-status body. */
function parseStatusGroups(body: string) {
  const groups = body
    .replace(/\r\n/g, "\n")
    .split(/\n\s*\n/)
    .map((g) => g.trim())
    .filter(Boolean)
    .map(parseHeaderBlock);
  const perMessage = groups[0] ?? new Map();
  const recipients: TDsnRecipient[] = groups
    .slice(1)
    .concat(groups[0]?.has("final-recipient") ? [groups[0]] : [])
    .filter((g) => g.has("final-recipient") && g.has("action"))
    .map((g) => ({
      finalRecipient: stripType(g.get("final-recipient"))!,
      originalRecipient: stripType(g.get("original-recipient")),
      action: (g.get("action") ?? "").toLowerCase(),
      status: /\d\.\d{1,3}\.\d{1,3}/.exec(g.get("status") ?? "")?.[0] ?? null,
      diagnosticCode: g.get("diagnostic-code") ?? null,
    }));
  return { perMessage, recipients };
}

/**
 * Parses a raw DSN. Null when the message is not a delivery-status report (an auto-reply, a
 * human's answer, spam sent to the bounce address): such mail is refused, never read as a bounce.
 */
export function parseDsn(raw: string): TDsn | null {
  const { head, body } = splitHead(raw);
  const headers = parseHeaderBlock(head);
  const type = headers.get("content-type") ?? "";
  if (!/^multipart\/report/i.test(type)) return null;
  if ((contentTypeParam(type, "report-type") ?? "").toLowerCase() !== "delivery-status")
    return null;
  const parts = leaves(headers, body);
  const status = parts.find((p) =>
    /^message\/(global-)?delivery-status/i.test(p.headers.get("content-type") ?? ""),
  );
  if (!status) return null;
  const { perMessage, recipients } = parseStatusGroups(status.body);
  if (!recipients.length) return null;
  const returned = parts.find((p) =>
    /^(message\/rfc822|text\/rfc822-headers|message\/global-headers)/i.test(
      p.headers.get("content-type") ?? "",
    ),
  );
  const originalHeaders = returned ? parseHeaderBlock(splitHead(returned.body).head) : null;
  return {
    dsnMessageId: headers.get("message-id") ?? null,
    to: headers.get("to") ?? null,
    reportingMta: stripType(perMessage.get("reporting-mta")),
    arrivalDate: perMessage.get("arrival-date") ?? null,
    recipients,
    originalMessageId: originalHeaders?.get("message-id") ?? null,
  };
}

/** What a recipient's outcome means: 5.x.x failures are hard, 4.x.x failures soft, delays delays. */
export function dsnOutcome(
  r: TDsnRecipient,
): "hard_bounce" | "soft_bounce" | "delayed" | "delivered" | null {
  if (r.action === "delivered" || r.action === "relayed" || r.action === "expanded")
    return "delivered";
  if (r.action === "delayed") return "delayed";
  if (r.action !== "failed") return null;
  return r.status?.startsWith("4.") ? "soft_bounce" : "hard_bounce";
}
