import { describe, expect, it } from "vitest";
import { routeLabel, timedRoute } from "./http-metrics";
import { metrics } from "./registry";

describe("HTTP metrics", () => {
  it("turns paths into bounded route labels: no workspace slugs, no ids", () => {
    expect(routeLabel("/api/w/acme/journeys/3f0c2a4e-1b2c-4d5e-8f90-123456789abc/publish")).toBe(
      "/api/w/[workspace]/journeys/[id]/publish",
    );
    expect(routeLabel("/api/v1/track")).toBe("/api/v1/track");
    expect(routeLabel("/api/w/acme/campaigns/cmp_01HZX9K2P4Q7/runs/42")).toBe(
      "/api/w/[workspace]/campaigns/[id]/runs/[id]",
    );
    expect(routeLabel("/api/w/acme/contacts/import")).toBe("/api/w/[workspace]/contacts/import");
  });

  it("records latency by route, method and status, and echoes a request id", async () => {
    const handler = timedRoute(async (_req: Request) => new Response("no", { status: 404 }));
    const res = await handler(
      new Request("http://x/api/w/acme/segments/123", { headers: { "x-request-id": "abc-1" } }),
    );
    expect(res.headers.get("x-request-id")).toBe("abc-1");
    const generated = await handler(new Request("http://x/api/w/acme/segments/123"));
    expect(generated.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    const text = await metrics().registry.getSingleMetricAsString(
      "waymark_http_request_duration_seconds",
    );
    expect(text).toMatch(
      /waymark_http_request_duration_seconds_count\{route="\/api\/w\/\[workspace\]\/segments\/\[id\]",method="GET",status="404"\} 2/,
    );
  });
});
