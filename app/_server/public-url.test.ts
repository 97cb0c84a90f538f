import { describe, expect, it } from "vitest";
import { publicUrl } from "./public-url";

describe("public links", () => {
  it("use the host the browser used, not the one the server bound to", () => {
    const req = new Request("http://localhost:3000/api/x", { headers: { host: "127.0.0.1:3100" } });
    expect(publicUrl(req, "/invite/abc")).toBe("http://127.0.0.1:3100/invite/abc");
  });

  it("follow a reverse proxy's forwarded host and protocol", () => {
    const req = new Request("http://localhost:3000/api/x", {
      headers: {
        host: "internal:3000",
        "x-forwarded-host": "waymark.example.com",
        "x-forwarded-proto": "https,http",
      },
    });
    expect(publicUrl(req, "/invite/abc")).toBe("https://waymark.example.com/invite/abc");
  });
});
