import { NextRequest } from "next/server";

type THandler<P> = (req: NextRequest, ctx: { params: Promise<P> }) => Promise<Response>;

/** Calls a route handler in-process with a real Request, as Next would. */
export async function callRoute<P>(
  handler: THandler<P>,
  params: P,
  init: {
    method?: string;
    key?: string | null;
    authorization?: string;
    body?: unknown;
    rawBody?: string;
    query?: string;
    headers?: Record<string, string>;
  } = {},
) {
  const headers: Record<string, string> = { "content-type": "application/json", ...init.headers };
  if (init.authorization) headers.authorization = init.authorization;
  else if (init.key) headers.authorization = `Bearer ${init.key}`;
  const body = init.rawBody ?? (init.body === undefined ? undefined : JSON.stringify(init.body));
  const req = new NextRequest(`http://127.0.0.1/api/v1/test${init.query ?? ""}`, {
    method: init.method ?? "POST",
    headers,
    body,
  });
  const res = await handler(req, { params: Promise.resolve(params) });
  const text = await res.text();
  return { status: res.status, json: text ? (JSON.parse(text) as Record<string, any>) : null }; // eslint-disable-line @typescript-eslint/no-explicit-any
}
