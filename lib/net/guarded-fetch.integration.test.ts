import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startHttpSink, type THttpSink } from "@/lib/channels/testing/http-sink";
import { parseAllowList, type TAllowList } from "./allow-list";
import { guardedFetch } from "./guarded-fetch";
import type { TOutboundPolicy, TResolved } from "./outbound-policy";
import { isOutboundRefused } from "./outbound-refused";

function allow(text: string): TAllowList {
  const parsed = parseAllowList(text);
  if ("errors" in parsed) throw new Error(parsed.errors.join("; "));
  return parsed;
}

/** A resolver that answers from a script and counts how often each name is asked about. */
function scriptedResolver(answers: Record<string, TResolved[][]>) {
  const asked: string[] = [];
  return {
    asked,
    resolve: async (host: string): Promise<TResolved[]> => {
      asked.push(host);
      const queue = answers[host];
      if (!queue?.length)
        throw Object.assign(new Error(`no answer for ${host}`), { code: "ENOTFOUND" });
      return queue.length > 1 ? queue.shift()! : queue[0]!;
    },
  };
}

const v4 = (address: string): TResolved => ({ address, family: 4 });

async function refusal(p: Promise<unknown>): Promise<Error> {
  const err = await p.then(
    () => undefined,
    (e: Error) => e,
  );
  if (!err) throw new Error("the request was not refused");
  expect(isOutboundRefused(err)).toBe(true);
  return err;
}

describe("guardedFetch against loopback servers", () => {
  let sink: THttpSink;
  let other: THttpSink;
  beforeAll(async () => {
    [sink, other] = await Promise.all([startHttpSink(), startHttpSink()]);
  });
  afterAll(async () => {
    await Promise.all([sink.close(), other.close()]);
  });
  afterEach(() => {
    sink.reset();
    other.reset();
  });

  it("refuses loopback without an allow-list, and never connects", async () => {
    const policy: TOutboundPolicy = { allow: [] };
    const err = await refusal(
      guardedFetch(`${sink.url}/hook`, { method: "POST", body: "{}", policy }),
    );
    expect(err.message).toBe("destination not allowed: 127.0.0.1");
    await refusal(guardedFetch(`http://[::1]:${sink.port}/`, { policy }));
    await refusal(guardedFetch(`http://0x7f.1:${sink.port}/`, { policy }));
    await refusal(guardedFetch(`http://2130706433:${sink.port}/`, { policy }));
    await refusal(guardedFetch(`http://[::ffff:127.0.0.1]:${sink.port}/`, { policy }));
    await refusal(guardedFetch(`http://localhost:${sink.port}/`, { policy }));
    await refusal(guardedFetch("http://169.254.169.254/latest/meta-data/", { policy }));
    await refusal(guardedFetch("http://[fd00:ec2::254]/", { policy }));
    expect(sink.requests).toHaveLength(0);
  });

  it("reaches an allow-listed loopback server, with method, headers and body", async () => {
    sink.respondNext({ status: 201, headers: { "x-request-id": "r1" }, body: { ok: 1 } });
    const res = await guardedFetch(`${sink.url}/hook?a=1`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Extra": "yes" },
      body: '{"hello":"wörld"}',
      policy: { allow: allow("127.0.0.1") },
    });
    expect(res.status).toBe(201);
    expect(res.headers.get("x-request-id")).toBe("r1");
    expect(await res.json()).toEqual({ ok: 1 });
    const req = sink.requests[0]!;
    expect(req).toMatchObject({ method: "POST", path: "/hook?a=1", body: '{"hello":"wörld"}' });
    expect(req.headers["x-extra"]).toBe("yes");
  });

  it("allows only the listed port when the entry names one", async () => {
    const policy = { allow: allow(`127.0.0.1:${sink.port}`) };
    expect((await guardedFetch(`${sink.url}/`, { policy })).status).toBe(200);
    await refusal(guardedFetch(`${other.url}/`, { policy }));
    expect(other.requests).toHaveLength(0);
  });

  it("checks every redirect again: a public-looking hop that redirects inside is refused", async () => {
    const policy = { allow: allow(`127.0.0.1:${sink.port}`) };
    sink.respondNext({ status: 302, headers: { location: `${other.url}/internal` } });
    await refusal(guardedFetch(`${sink.url}/start`, { policy }));
    sink.respondNext({ status: 307, headers: { location: "http://169.254.169.254/latest/" } });
    await refusal(guardedFetch(`${sink.url}/start`, { policy }));
    sink.respondNext({ status: 301, headers: { location: "file:///etc/passwd" } });
    await refusal(guardedFetch(`${sink.url}/start`, { policy }));
    expect(other.requests).toHaveLength(0);
  });

  it("follows allowed redirects up to the limit, dropping credentials across origins", async () => {
    const policy = { allow: allow("127.0.0.1") };
    sink.respondNext({ status: 303, headers: { location: `${other.url}/next` } });
    other.respondNext({ status: 200, body: "arrived" });
    const res = await guardedFetch(`${sink.url}/start`, {
      method: "POST",
      body: "x=1",
      headers: { authorization: "Bearer secret-token" },
      policy,
    });
    expect(await res.text()).toBe("arrived");
    expect(other.requests[0]).toMatchObject({ method: "GET", path: "/next", body: "" });
    expect(other.requests[0]!.headers.authorization).toBeUndefined();

    sink.setResponder(() => ({ status: 302, headers: { location: `${sink.url}/again` } }));
    try {
      const err = await guardedFetch(`${sink.url}/loop`, { policy, maxRedirects: 2 }).catch(
        (e: Error) => e,
      );
      expect((err as { cause?: { code?: string } }).cause?.code).toBe("ETOOMANYREDIRECTS");
      expect(sink.requests.filter((r) => r.path !== "/start")).toHaveLength(3);
    } finally {
      sink.setResponder(() => ({ status: 200, body: {} }));
    }
  });

  it("hands back a redirect as is when asked to (webhooks report the status)", async () => {
    sink.respondNext({ status: 302, headers: { location: "http://169.254.169.254/" } });
    const res = await guardedFetch(`${sink.url}/`, {
      redirect: "manual",
      policy: { allow: allow("127.0.0.1") },
    });
    expect(res.status).toBe(302);
  });

  it("connects to the address it checked: a name that rebinds is never resolved twice", async () => {
    // The first answer is allow-listed; the second would be the attacker's private target.
    const dns = scriptedResolver({ "hooks.rebind.test": [[v4("127.0.0.1")], [v4("10.0.0.7")]] });
    const policy = { allow: allow("127.0.0.1"), resolve: dns.resolve };
    const res = await guardedFetch(`http://hooks.rebind.test:${sink.port}/a`, { policy });
    expect(res.status).toBe(200);
    expect(sink.requests[0]!.headers.host).toBe(`hooks.rebind.test:${sink.port}`);
    expect(dns.asked).toEqual(["hooks.rebind.test"]); // the socket did not look the name up again
    // The next connection resolves afresh, sees the private address and is refused.
    const err = await refusal(guardedFetch(`http://hooks.rebind.test:${sink.port}/b`, { policy }));
    expect(err.message).toBe("destination not allowed: hooks.rebind.test");
    expect(sink.requests).toHaveLength(1);
  });

  it("refuses a name whose answer mixes a public and a private address", async () => {
    const dns = scriptedResolver({ "mixed.test": [[v4("8.8.8.8"), v4("127.0.0.1")]] });
    await refusal(
      guardedFetch(`http://mixed.test:${sink.port}/`, {
        policy: { allow: [], resolve: dns.resolve },
      }),
    );
  });

  it("lets an allow-listed host name through whatever it resolves to", async () => {
    const dns = scriptedResolver({ "sink.internal": [[v4("127.0.0.1")]] });
    const res = await guardedFetch(`http://sink.internal:${sink.port}/`, {
      policy: { allow: allow("sink.internal"), resolve: dns.resolve },
    });
    expect(res.status).toBe(200);
  });
});

describe("guardedFetch caps", () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === "/huge") {
        res.writeHead(200, { "content-type": "text/plain" });
        const chunk = Buffer.alloc(64 * 1024, "a");
        let sent = 0;
        const pump = () => {
          while (sent < 8 * 1024 * 1024) {
            sent += chunk.length;
            if (!res.write(chunk)) return res.once("drain", pump);
          }
          res.end();
        };
        pump();
        res.on("close", () => (sent = Infinity));
      }
      // /silent never answers
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });
  const policy = { allow: allow("127.0.0.1") };

  it("reads at most maxBytes of the body", async () => {
    const res = await guardedFetch(`${base}/huge`, { policy, maxBytes: 100_000 });
    expect(res.status).toBe(200);
    expect((await res.arrayBuffer()).byteLength).toBe(100_000);
  });

  it("gives up at the deadline", async () => {
    const started = Date.now();
    const err = (await guardedFetch(`${base}/silent`, { policy, timeoutMs: 300 }).catch(
      (e: Error) => e,
    )) as Error;
    expect(err.name).toBe("TimeoutError");
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
