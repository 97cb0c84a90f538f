/** One audit entry as a sentence for the Settings page. */
export function describeAuditEntry(entry: {
  action: string;
  target: string;
  detail: Record<string, unknown>;
}): string {
  const d = entry.detail as {
    destinationChanged?: string[];
    from?: Record<string, unknown>;
    to?: Record<string, unknown>;
    secretsEntered?: string[];
  };
  const show = (o: Record<string, unknown> | undefined) =>
    Object.entries(o ?? {})
      .map(([k, v]) => `${k} ${String(v)}`)
      .join(", ");
  switch (entry.action) {
    case "channel_provider.created":
      return `Configured ${entry.target}${d.to && Object.keys(d.to).length ? ` (${show(d.to)})` : ""}`;
    case "channel_provider.removed":
      return `Removed ${entry.target}`;
    case "channel_provider.updated": {
      const moved = d.destinationChanged?.length
        ? `; moved from ${show(d.from)} to ${show(d.to)}`
        : "";
      const secrets = d.secretsEntered?.length ? `; new ${d.secretsEntered.join(", ")}` : "";
      return `Changed ${entry.target} settings${moved}${secrets}`;
    }
    default:
      return `${entry.action} ${entry.target}`;
  }
}
