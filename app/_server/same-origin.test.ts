import { NextRequest } from "next/server";
import { describe, expect, it, vi } from "vitest";
import { currentUser } from "./auth";
import { parseJson } from "./http";
import { crossSiteRefusal } from "./same-origin";
import { withUser, withWorkspace } from "./with-workspace";
import { z } from "zod";

// The session is faked: a signed-in victim whose browser is driven by another site.
vi.mock("./auth", () => ({ currentUser: vi.fn() }));

const req = (method: string, headers: Record<string, string>) =>
  new NextRequest("http://waymark.test/api/w/demo", {
    method,
    headers: { host: "waymark.test", ...headers },
  });

describe("cross-site mutations", () => {
  it.each([
    [{ "sec-fetch-site": "cross-site" }],
    [{ "sec-fetch-site": "same-site" }],
    [{ origin: "https://evil.example" }],
    [{ origin: "http://waymark.test.evil.example" }],
    [{ origin: "null" }],
    [{ "sec-fetch-site": "same-origin", origin: "https://evil.example" }],
  ])("refuses %j", (headers) => {
    expect(crossSiteRefusal(req("POST", headers))?.status).toBe(403);
  });

  it.each([
    [{ "sec-fetch-site": "same-origin", origin: "http://waymark.test" }],
    [{ "sec-fetch-site": "none" }],
    [{ origin: "https://WAYMARK.test" }],
    [{ origin: "https://public.example", "x-forwarded-host": "public.example" }],
    [{}], // not a browser: carries no victim's cookie
  ])("accepts %j", (headers) => {
    expect(crossSiteRefusal(req("POST", headers))).toBeNull();
  });

  it("leaves reads alone", () => {
    expect(crossSiteRefusal(req("GET", { "sec-fetch-site": "cross-site" }))).toBeNull();
  });

  it("is checked by the session wrappers before anything else", async () => {
    vi.mocked(currentUser).mockResolvedValue({ id: "u", email: "a@b.c", name: "A", locale: null });
    const never = async () => new Response("ran");
    const params = { params: Promise.resolve({ workspace: "demo" }) };
    const cross = req("DELETE", { origin: "https://evil.example" });
    const ws = await withWorkspace("manage", never)(cross, params);
    expect(ws.status).toBe(403);
    expect((await ws.json()).error.code).toBe("cross_site_request");
    expect((await withUser(never)(cross, params)).status).toBe(403);
  });
});

describe("JSON bodies", () => {
  const body = (type: string) =>
    new Request("http://waymark.test/x", {
      method: "POST",
      headers: { "content-type": type },
      body: '{"a":1}',
    });
  const Z = z.object({ a: z.number() });

  it.each(["application/json", "application/json; charset=utf-8", "Application/JSON"])(
    "accepts %s",
    async (type) => {
      expect(await parseJson(body(type), Z)).toEqual({ a: 1 });
    },
  );

  it.each(["text/plain;application/json", "application/json-patch", "text/plain", ""])(
    "refuses %j",
    async (type) => {
      await expect(parseJson(body(type), Z)).rejects.toMatchObject({ status: 415 });
    },
  );
});
