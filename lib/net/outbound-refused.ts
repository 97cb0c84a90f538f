/**
 * Thrown (or passed to a socket's lookup callback) when a destination is refused by the outbound
 * policy. Its message is what the run page and message log show: it names the host the admin typed
 * and nothing learnt from the network, so a refused probe tells nothing about the inside.
 */
export class OutboundRefusedError extends Error {
  readonly code = "destination_not_allowed";
  constructor(
    readonly host: string,
    /** For the server log only (never shown in the app): why, and which address. */
    readonly detail: string,
  ) {
    super(`destination not allowed: ${host}`);
    this.name = "OutboundRefusedError";
  }
}

export function isOutboundRefused(err: unknown): err is OutboundRefusedError {
  // Also recognised when wrapped, as fetch-like callers wrap causes.
  const e = err as { code?: string; cause?: { code?: string } } | null | undefined;
  return e?.code === "destination_not_allowed" || e?.cause?.code === "destination_not_allowed";
}

/** The one sentence users see for a refused destination, whichever transport was refused. */
export function refusedReason(label: string): string {
  return `${label}: destination not allowed (private, loopback or metadata addresses are refused unless WAYMARK_OUTBOUND_ALLOW lists them)`;
}
