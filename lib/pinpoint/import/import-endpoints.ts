import { applyPinpointItems, type TPinpointItem } from "@/lib/pinpoint/apply-pinpoint-items";
import { channelOf, endpointOperation } from "@/lib/pinpoint/pinpoint-endpoint-mapping";
import { ZEndpointRequest, type TEndpointRequest } from "@/lib/pinpoint/pinpoint-schemas";
import type { TOperation } from "@/lib/ingest/normalize";
import { zodFields } from "@/lib/validation/zod-fields";
import type { TExportFile } from "./read-export";
import type { TNote } from "./report";

/**
 * An export job's endpoints (one `EndpointResponse` per line) as contacts, through the same
 * mapping as the Pinpoint-compatible API (pinpoint-endpoint-mapping.ts): endpoints sharing a
 * `User.UserId` are one contact, an endpoint without one an anonymous contact keyed by its id.
 * On import, `OptOut: ALL` unsubscribes the contact from everything and an `INACTIVE` endpoint's
 * channel is unsubscribed (Waymark has no "undeliverable" flag). Lines are read and written in
 * batches of BATCH, so memory stays flat whatever the file's size.
 */
const BATCH = 500;
const FIELDS = Object.keys(ZEndpointRequest.shape) as (keyof TEndpointRequest)[];
const MAX_NOTES = 50;

export const ENDPOINT_APPROXIMATIONS: TNote[] = [
  { path: "OptOut", message: "ALL unsubscribes the contact from every channel" },
  {
    path: "EndpointStatus",
    message: "an INACTIVE endpoint's channel is unsubscribed (no separate undeliverable flag)",
  },
  {
    path: "Demographic",
    message:
      "time zone and locale fill the contact's; make, model and platform are kept on the endpoint",
  },
];

function parseLine(line: string): { id: string; endpoint: TEndpointRequest } | { error: string } {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return { error: "is not JSON" };
  }
  let e = json as Record<string, unknown>;
  if (e && typeof e === "object" && "EndpointResponse" in e)
    e = e.EndpointResponse as Record<string, unknown>;
  if (!e || typeof e !== "object" || Array.isArray(e))
    return { error: "is not an endpoint object" };
  const id = e.Id;
  if (typeof id !== "string" || !id) return { error: "Id: is required" };
  const picked = Object.fromEntries(FIELDS.filter((k) => e[k] !== undefined).map((k) => [k, e[k]]));
  const parsed = ZEndpointRequest.safeParse(picked);
  if (!parsed.success) {
    const [field, message] = Object.entries(zodFields(parsed.error))[0] ?? ["", "is not valid"];
    return { error: `${field}: ${message}` };
  }
  return { id, endpoint: parsed.data };
}

export function adjustForImport(op: TOperation, endpoint: TEndpointRequest) {
  if (op.kind !== "identify") return;
  if (endpoint.OptOut === "ALL") op.profile.subscriptions.all = "unsubscribed";
  if (endpoint.EndpointStatus === "INACTIVE") {
    const channel = channelOf(endpoint.ChannelType);
    if (channel) op.profile.subscriptions[channel] = "unsubscribed";
  }
}

/** Reads (and unless `dryRun`, imports) one endpoint file; `onIds` sees each batch's endpoint ids. */
export async function importEndpointFile(
  workspaceId: string,
  file: TExportFile,
  opts: {
    dryRun: boolean;
    now?: Date;
    onIds?: (ids: string[]) => void;
    onProgress?: (lines: number) => void;
  },
): Promise<{ lines: number; imported: number; refused: number; errors: TNote[] }> {
  const now = opts.now ?? new Date();
  const errors: TNote[] = [];
  let lines = 0;
  let imported = 0;
  let refused = 0;
  let batch: (TPinpointItem & { line: number })[] = [];
  const refuse = (line: number, message: string) => {
    refused++;
    if (errors.length < MAX_NOTES) errors.push({ path: `${file.path}:${line}`, message });
  };
  const flush = async () => {
    if (!batch.length) return;
    const items = batch;
    batch = [];
    opts.onIds?.(items.map((i) => i.endpointId));
    if (opts.dryRun) {
      for (const item of items) {
        const op = endpointOperation(item.endpointId, item.endpoint!, now);
        if (op.ok) imported++;
        else refuse(item.line, `${op.field}: ${op.message}`);
      }
      return;
    }
    const results = await applyPinpointItems(workspaceId, items, now, { adjust: adjustForImport });
    results.forEach((r, i) => {
      if (r.endpoint?.StatusCode === 202) imported++;
      else refuse(items[i]!.line, r.endpoint?.Message ?? "refused");
    });
    opts.onProgress?.(lines);
  };
  try {
    for await (const raw of file.lines()) {
      lines++;
      const line = raw.trim();
      if (!line) continue;
      const parsed = parseLine(line);
      if ("error" in parsed) refuse(lines, parsed.error);
      else batch.push({ endpointId: parsed.id, endpoint: parsed.endpoint, line: lines });
      if (batch.length >= BATCH) await flush();
    }
    await flush();
  } catch (err) {
    errors.push({ path: file.path, message: `cannot be read (${(err as Error).message})` });
  }
  return { lines, imported, refused, errors };
}
