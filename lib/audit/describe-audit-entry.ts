/**
 * One audit entry as a sentence for the Settings page: a catalogue key under
 * settings.channelsPage.audit and its values, so the page words it in the viewer's language.
 * Config field names and values (host, url…) stay as stored.
 */
export type TAuditMessage = {
  key:
    | "providerCreated"
    | "providerRemoved"
    | "providerUpdated"
    | "streamCreated"
    | "streamUpdated"
    | "streamRemoved"
    | "other";
  values: Record<string, string>;
};

/** ICU `select` needs a value for "nothing": optional parts are `none` when absent. */
const NONE = "none";

export function describeAuditEntry(entry: {
  action: string;
  target: string;
  detail: Record<string, unknown>;
}): TAuditMessage {
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
  const target = entry.target;
  switch (entry.action) {
    case "channel_provider.created":
      return {
        key: "providerCreated",
        values: { target, settings: d.to && Object.keys(d.to).length ? show(d.to) : NONE },
      };
    case "channel_provider.removed":
      return { key: "providerRemoved", values: { target } };
    case "channel_provider.updated":
      return {
        key: "providerUpdated",
        values: {
          target,
          moved: d.destinationChanged?.length ? "yes" : "no",
          from: show(d.from),
          to: show(d.to),
          secrets: d.secretsEntered?.length ? d.secretsEntered.join(", ") : NONE,
        },
      };
    case "stream_destination.created":
      return {
        key: "streamCreated",
        values: { target, url: entry.detail.url ? String(entry.detail.url) : NONE },
      };
    case "stream_destination.updated":
      return { key: "streamUpdated", values: { target, url: String(entry.detail.url) } };
    case "stream_destination.removed":
      return { key: "streamRemoved", values: { target } };
    default:
      return { key: "other", values: { action: entry.action, target } };
  }
}
