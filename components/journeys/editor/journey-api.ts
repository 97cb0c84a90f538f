import { errorReason, type TApiErrorReason } from "@/lib/http/api-fetch";
import type { TCollision } from "@/lib/journeys/manage/trigger-collisions";
import type { TGraphError } from "@/lib/journeys/graph/validate-graph";
import type { TPathStep } from "../canvas/canvas-decorations";

export type TJourneyStatus = "draft" | "live" | "paused" | "stopped";
export type TSimulation = {
  path: TPathStep[];
  messages: { nodeId: string; channel: string; templateId: string; at: string }[];
  updates: { attribute: string; value: unknown; at: string }[];
  webhooks: { nodeId: string; url: string; method: string; at: string }[];
  exit: unknown;
  converted: boolean;
  endedAt: string;
};

export type TVersionRow = {
  version: number;
  publishedAt: string;
  publishedBy: string | null;
  entered: number;
};
export type TVersionGraph = {
  version: number;
  graph: unknown;
  publishedAt: string;
  publishedBy: string | null;
};

type TResult<T> =
  | { ok: true; data: T }
  | {
      ok: false;
      status: number;
      message: string;
      errors: TGraphError[];
      fields: Record<string, string>;
      /** A 409's reason, for useConflictText to word in the viewer's language. */
      reason?: TApiErrorReason;
    };

async function call<T>(url: string, method: string, body?: unknown): Promise<TResult<T>> {
  const res = await fetch(url, {
    method,
    headers: body === undefined ? undefined : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await res.json().catch(() => ({}))) as {
    error?: {
      message?: string;
      errors?: TGraphError[];
      fields?: Record<string, string>;
      reason?: unknown;
    };
  };
  if (res.ok) return { ok: true, data: json as T };
  const fields = Object.entries(json.error?.fields ?? {}).map(([k, v]) => `${k}: ${v}`);
  return {
    ok: false,
    status: res.status,
    message: [json.error?.message ?? `Request failed (${res.status})`, ...fields].join(" — "),
    errors: json.error?.errors ?? [],
    fields: json.error?.fields ?? {},
    reason: errorReason(json.error),
  };
}

/** The journey routes the canvas talks to, by workspace slug and journey id. */
export function journeyApi(slug: string, journeyId: string) {
  const base = `/api/w/${slug}/journeys/${journeyId}`;
  return {
    save: (body: { graph?: unknown; settings?: unknown; name?: string }) =>
      call<{ journey: unknown }>(base, "PATCH", body),
    publish: () => call<{ version: number; unchanged: boolean }>(`${base}/publish`, "POST", {}),
    collisions: () => call<{ collisions: TCollision[] }>(`${base}/collisions`, "GET"),
    setStatus: (action: "pause" | "resume" | "stop") =>
      call<{ journey: { status: TJourneyStatus } }>(`${base}/${action}`, "POST", {}),
    simulate: (
      body: { contactId: string } | { attributes: Record<string, unknown>; events?: unknown[] },
    ) => call<TSimulation>(`${base}/simulate`, "POST", body),
    versions: () =>
      call<{ liveVersion: number; status: TJourneyStatus; versions: TVersionRow[] }>(
        `${base}/versions`,
        "GET",
      ),
    version: (version: number) =>
      call<{ version: TVersionGraph }>(`${base}/versions/${version}`, "GET"),
    restore: (version: number) =>
      call<{ version: number; graph: unknown; settings: Record<string, unknown> }>(
        `${base}/restore`,
        "POST",
        { version },
      ),
    statsUrl: `${base}/stats`,
  };
}
