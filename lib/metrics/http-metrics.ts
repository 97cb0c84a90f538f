import { randomUUID } from "node:crypto";
import { withLogContext } from "@/lib/log/log-context";
import { metrics } from "./registry";

const ID_LIKE = /^(?:[0-9a-f]{8}-[0-9a-f-]{27}|\d+|[A-Za-z0-9_-]*\d[A-Za-z0-9_-]{7,})$/;

/**
 * A request path as a bounded label: `/api/w/acme/journeys/3f0c…/publish` becomes
 * `/api/w/[workspace]/journeys/[id]/publish`. Workspace slugs and ids never become label values.
 */
export function routeLabel(pathname: string): string {
  const parts = pathname.split("/");
  return parts
    .map((p, i) => {
      if (i > 0 && parts[i - 1] === "w" && parts[i - 2] === "api") return "[workspace]";
      return ID_LIKE.test(p) ? "[id]" : p;
    })
    .join("/");
}

type THandler<R extends Request, A extends unknown[]> = (req: R, ...rest: A) => Promise<Response>;

const REQUEST_ID = /^[A-Za-z0-9._-]{1,128}$/;

/**
 * Wraps a route handler: its latency is recorded by route pattern, method and status, and its log
 * lines carry a request id (the caller's `x-request-id` when it is a sane token, else a new one),
 * echoed in the response so a client can quote it.
 */
export function timedRoute<R extends Request, A extends unknown[]>(
  handler: THandler<R, A>,
): THandler<R, A> {
  return async (req, ...rest) => {
    const started = performance.now();
    const given = req.headers.get("x-request-id");
    const requestId = given && REQUEST_ID.test(given) ? given : randomUUID();
    let status = 500;
    try {
      const res = await withLogContext({ requestId }, () => handler(req, ...rest));
      status = res.status;
      if (!res.headers.has("x-request-id")) {
        try {
          res.headers.set("x-request-id", requestId);
        } catch {
          // Immutable headers (a fetched or redirect response): the id stays in the logs only.
        }
      }
      return res;
    } finally {
      metrics().httpLatency.observe(
        {
          route: routeLabel(new URL(req.url).pathname),
          method: req.method,
          status: String(status),
        },
        (performance.now() - started) / 1000,
      );
    }
  };
}
