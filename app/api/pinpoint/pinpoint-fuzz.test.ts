import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeTenant } from "@/db/testing/fixtures";
import { useTestDb } from "@/db/testing/test-db";
import { changedTables, installWriteTally, tallyWrites } from "@/db/testing/write-tally";
import { seededRandom } from "@/lib/random/seeded-random";
import { fuzzBody, pick, randomValue, type TRandom } from "../route-fuzz/fuzz-bodies";
import { servePinpoint } from "./testing/serve-pinpoint";
import { signedFetch } from "./testing/sign-request";

/**
 * The Pinpoint routes under hostile input that is correctly signed, so it gets past SigV4 and
 * reaches validation and the store (app/api/route-fuzz calls them unsigned, which stops at 403).
 * Holds: never a 5xx; a 400 names the field (`Message` is `field: reason`); a refused call writes
 * nothing. FUZZ_SEED picks another sequence; FUZZ_PINPOINT raises the count per route.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20261207);
const PER_ROUTE = Number(process.env.FUZZ_PINPOINT ?? 60);

let close: () => Promise<void>;
let server: Awaited<ReturnType<typeof servePinpoint>>;
let tenant: Awaited<ReturnType<typeof makeTenant>>;
let appId: string;

beforeAll(async () => {
  ({ close } = await useTestDb());
  tenant = await makeTenant("Pinpoint fuzz");
  appId = tenant.workspace.id.replaceAll("-", "");
  server = await servePinpoint();
  // As in route-fuzz: a row trigger tallies what each statement really changes. Left out: the
  // rate-limit counters, the replay guard (every signed request is recorded, served or not) and
  // a key's last-use time.
  await installWriteTally(["throttles", "sigv4_signatures"]);
}, 300_000);
afterAll(async () => {
  await server.close();
  await close();
});

const now = () => new Date().toISOString();
const endpoint = () => ({
  ChannelType: "APNS",
  Address: "apns-device-token-0123456789",
  Demographic: { Platform: "iOS", Timezone: "Europe/Paris", Locale: "fr_FR", Make: "Apple" },
  Location: { Country: "FR", City: "Paris", Latitude: 48.85, Longitude: 2.35 },
  Attributes: { interests: ["jazz", "tea"] },
  Metrics: { visits: 3 },
  OptOut: "NONE",
  User: { UserId: "user-1", UserAttributes: { plan: ["pro"] } },
});
const VALID: Record<string, (...ids: string[]) => unknown> = {
  PutEvents: (endpointId = "dev-1", eventId = "ev-1") => ({
    BatchItem: {
      [endpointId]: {
        Endpoint: endpoint(),
        Events: {
          [eventId]: {
            EventType: "Purchase",
            Timestamp: now(),
            Attributes: { sku: "A-1" },
            Metrics: { price: 9.5 },
            Session: { Id: "s-1", StartTimestamp: now(), Duration: 12 },
            AppTitle: "Shop",
            SdkName: "aws-amplify",
          },
        },
      },
    },
  }),
  UpdateEndpoint: endpoint,
  UpdateEndpointsBatch: () => ({
    Item: [
      { Id: "b-1", ChannelType: "EMAIL", Address: "b1@example.com", User: { UserId: "user-2" } },
      { Id: "b-2", ChannelType: "SMS", Address: "+14155550123", OptOut: "ALL" },
    ],
  }),
};

/** Path ids that are not ids of anything, or barely are (each is sent percent-encoded). */
const HOSTILE_IDS = [
  "\u0000",
  "a\u0000b",
  "%00",
  "x".repeat(201),
  "y".repeat(3000),
  "😀",
  " ",
  "\n",
  "  padded  ",
  "'; drop table contacts; --",
  "__proto__",
  "constructor",
  "../../etc/passwd",
  "a/b",
  "?q=1",
  "#frag",
  "\uFFFF",
  "null",
  "-1",
  "dev-1",
  "user-1",
  "b-1",
];
/** Long and incompressible: PostgreSQL compresses a long run of one letter to fit an index. */
const noise = (r: TRandom, n: number) =>
  Array.from({ length: n }, () => String.fromCodePoint(0x21 + Math.floor(r() * 0x2fde))).join("");
const hostileId = (r: TRandom): string => {
  const roll = r();
  if (roll < 0.6) return pick(r, HOSTILE_IDS);
  if (roll < 0.75) return noise(r, 150 + Math.floor(r() * 1000));
  return String(randomValue(r, 3)).slice(0, 300) || "z";
};

/** A 400 says which field is wrong: Pinpoint's `Message` as `field: reason`. */
function namesAField(json: unknown): boolean {
  const message = (json as { Message?: unknown } | null)?.Message;
  return typeof message === "string" && /^[^\s:][^:]*: \S/.test(message);
}

type TCall = { method: string; path: string; body?: string };
type TFailure = TCall & { status: number; problem: string };

function callFor(route: string, r: TRandom): TCall {
  const app = `/api/pinpoint/v1/apps/${appId}`;
  const id = () => encodeURIComponent(hostileId(r));
  switch (route) {
    case "PutEvents":
      return {
        method: "POST",
        path: `${app}/events`,
        // Now and then hostile endpoint and event ids, which are keys a mutation never renames.
        body: fuzzBody(
          r,
          r() < 0.2 ? VALID.PutEvents!(hostileId(r), hostileId(r)) : VALID.PutEvents!(),
        ),
      };
    case "UpdateEndpointsBatch":
      return {
        method: "PUT",
        path: `${app}/endpoints`,
        body: fuzzBody(r, VALID.UpdateEndpointsBatch!()),
      };
    case "UpdateEndpoint":
      return {
        method: "PUT",
        path: `${app}/endpoints/${r() < 0.3 ? id() : `dev-${Math.floor(r() * 5)}`}`,
        body: fuzzBody(r, VALID.UpdateEndpoint!()),
      };
    case "GetEndpoint":
      return { method: "GET", path: `${app}/endpoints/${id()}` };
    case "DeleteEndpoint":
      return { method: "DELETE", path: `${app}/endpoints/${id()}` };
    case "GetUserEndpoints":
      return { method: "GET", path: `${app}/users/${id()}` };
    default:
      return { method: "DELETE", path: `${app}/users/${id()}` };
  }
}

const ROUTES = [
  "PutEvents",
  "UpdateEndpoint",
  "UpdateEndpointsBatch",
  "GetEndpoint",
  "DeleteEndpoint",
  "GetUserEndpoints",
  "DeleteUserEndpoints",
];

describe("the Pinpoint routes, signed, under hostile input", () => {
  it("refuses ids and names a parsed record would drop (__proto__), naming them", async () => {
    const before = await tallyWrites();
    const events = `${server.base}/api/pinpoint/v1/apps/${appId}/events`;
    for (const [body, field] of [
      [VALID.PutEvents!("__proto__"), "BatchItem.__proto__"],
      [VALID.PutEvents!("dev-p", "__proto__"), "BatchItem.dev-p.Events.__proto__"],
      [
        { BatchItem: { d: { Endpoint: { Attributes: { ["__proto__"]: ["x"] } }, Events: {} } } },
        "BatchItem.d.Endpoint.Attributes.__proto__",
      ],
    ] as const) {
      const res = await signedFetch(
        events,
        { method: "POST", body: JSON.stringify(body) },
        tenant.aws,
      );
      expect(res).toMatchObject({ status: 400, type: "BadRequestException" });
      expect((res.json as { Message: string }).Message).toContain(`${field}: `);
    }
    expect(changedTables(before, await tallyWrites())).toEqual([]);
  });

  it(`answers ${PER_ROUTE} seeded calls per route without a 5xx, names the field of every 400 and writes nothing it refused`, async () => {
    const r = seededRandom(SEED);
    const failures: TFailure[] = [];
    const statuses = new Map<number, number>();
    let before = await tallyWrites();
    let calls = 0;
    for (const route of ROUTES)
      for (let k = 0; k < PER_ROUTE && failures.length < 25; k++) {
        // Something for Get/Delete to find now and then: the valid endpoints, re-created.
        if (route.endsWith("Endpoints") || route.endsWith("Endpoint")) {
          if (k % 10 === 0) {
            await signedFetch(
              `${server.base}/api/pinpoint/v1/apps/${appId}/events`,
              {
                method: "POST",
                body: JSON.stringify(VALID.PutEvents!()),
                headers: { "x-fuzz-call": String(++calls) },
              },
              tenant.aws,
            );
            before = await tallyWrites();
          }
        }
        const call = callFor(route, r);
        const res = await signedFetch(
          `${server.base}${call.path}`,
          // Two identical calls within a second carry the same signature: the second is a replay.
          { method: call.method, body: call.body, headers: { "x-fuzz-call": String(++calls) } },
          tenant.aws,
        );
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        const fail = (problem: string) =>
          failures.push({
            ...call,
            path: call.path.slice(0, 200),
            body: call.body?.slice(0, 300),
            status: res.status,
            problem,
          });
        if (res.status >= 500) fail(`answered ${res.status}: ${JSON.stringify(res.json)}`);
        if (res.status === 403) fail(`signature refused: ${JSON.stringify(res.json)}`);
        if (res.status === 400 && !namesAField(res.json))
          fail(`a 400 without the field named: ${JSON.stringify(res.json)}`);
        const after = await tallyWrites();
        // PutEvents answers 202 with a status per item: when every item was refused, so was the call.
        const items = Object.values(
          (res.json as { Results?: Record<string, unknown> } | null)?.Results ?? {},
        ) as { EndpointItemResponse?: { StatusCode: number }; EventsItemResponse: object }[];
        const allRefused =
          items.length > 0 &&
          items.every(
            (i) =>
              (i.EndpointItemResponse?.StatusCode ?? 400) === 400 &&
              Object.values(i.EventsItemResponse as Record<string, { StatusCode: number }>).every(
                (e) => e.StatusCode === 400,
              ),
          );
        if (res.status >= 400 || allRefused) {
          const changed = changedTables(before, after);
          if (changed.length) fail(`refused (${res.status}) but wrote to ${changed.join(", ")}`);
        }
        before = after;
      }
    console.info(
      `pinpoint fuzz: seed ${SEED}; statuses`,
      Object.fromEntries([...statuses].sort(([a], [b]) => a - b)),
    );
    expect(failures, JSON.stringify(failures, null, 2)).toEqual([]);
    // Most calls reach validation or the store rather than stopping anywhere earlier.
    expect(statuses.get(400)).toBeGreaterThan(PER_ROUTE);
    expect((statuses.get(202) ?? 0) + (statuses.get(200) ?? 0)).toBeGreaterThan(PER_ROUTE / 2);
  }, 600_000);
});
