/** A 409's reason as the server sent it (lib/errors.ts CONFLICT_REASONS), for the UI to word. */
export type TApiErrorReason = { code: string; values?: Record<string, string | number> };

/** Client-side JSON calls to the app's own routes; errors keep the server's code and field messages. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: Record<string, string> = {},
    readonly reason?: TApiErrorReason,
  ) {
    super(message);
  }
}

/** The `reason` of an error body, if it has a well-formed one. */
export function errorReason(error: unknown): TApiErrorReason | undefined {
  const r = (error as { reason?: unknown } | undefined)?.reason as TApiErrorReason | undefined;
  if (!r || typeof r.code !== "string") return undefined;
  const values =
    r.values && typeof r.values === "object"
      ? Object.fromEntries(
          Object.entries(r.values).filter(
            ([, v]) => typeof v === "string" || typeof v === "number",
          ),
        )
      : undefined;
  return { code: r.code, values };
}

export async function apiFetch<T>(
  url: string,
  init: { method: string; body?: unknown },
): Promise<T> {
  const res = await fetch(url, {
    method: init.method,
    headers: init.body === undefined ? undefined : { "content-type": "application/json" },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const data: unknown = await res.json().catch(() => ({}));
  if (!res.ok) {
    const err = (
      data as { error?: { code?: string; message?: string; fields?: Record<string, string> } }
    ).error;
    throw new ApiError(
      res.status,
      err?.code ?? "error",
      err?.message ?? `Request failed (${res.status})`,
      err?.fields,
      errorReason(err),
    );
  }
  return data as T;
}
