import { formatInTimeZone } from "date-fns-tz";
import type { TOperation } from "@/lib/ingest/normalize";
import { parseCall } from "@/lib/ingest/normalize";
import { seededRandom } from "@/lib/random/seeded-random";

const FIRST = [
  "Ada",
  "Linh",
  "Marco",
  "Sofia",
  "Kenji",
  "Amara",
  "Lucas",
  "Mai",
  "Noah",
  "Priya",
  "Omar",
  "Elena",
  "Tuan",
  "Chloe",
  "Ivan",
  "Zara",
  "Mateo",
  "Hana",
  "Leo",
  "Nia",
];
const LAST = [
  "Lovelace",
  "Nguyen",
  "Rossi",
  "Garcia",
  "Tanaka",
  "Okafor",
  "Martin",
  "Tran",
  "Smith",
  "Patel",
  "Haddad",
  "Ivanova",
  "Pham",
  "Dubois",
  "Petrov",
  "Khan",
  "Lopez",
  "Sato",
  "Meyer",
  "Mensah",
];
const PLACES = [
  {
    country: "VN",
    city: "Hanoi",
    timezone: "Asia/Ho_Chi_Minh",
    locale: "vi-VN",
    phone: "+8491234",
  },
  { country: "FR", city: "Paris", timezone: "Europe/Paris", locale: "fr-FR", phone: "+3361234" },
  {
    country: "US",
    city: "Austin",
    timezone: "America/Chicago",
    locale: "en-US",
    phone: "+1512555",
  },
  { country: "DE", city: "Berlin", timezone: "Europe/Berlin", locale: "de-DE", phone: "+4915112" },
  { country: "JP", city: "Osaka", timezone: "Asia/Tokyo", locale: "ja-JP", phone: "+8190123" },
  // Chinese-speaking contacts get the welcome email's zh-CN variant (demo-templates.ts).
  {
    country: "CN",
    city: "Shanghai",
    timezone: "Asia/Shanghai",
    locale: "zh-CN",
    phone: "+861391234",
  },
];
const PRODUCTS = ["Trail Shoes", "Rain Jacket", "Day Pack", "Water Bottle", "Headlamp"];

function call(
  type: "identify" | "track" | "page",
  body: Record<string, unknown>,
  now: Date,
): TOperation {
  const r = parseCall(type, body, now);
  if (!r.ok) throw new Error(`demo data is invalid at ${r.field}: ${r.message}`);
  return r.op;
}

/**
 * A shop's worth of contacts over the last 30 days: sign-ups, browsing, carts, purchases, some
 * unsubscribes, an anonymous visitor, through the same validation the API uses.
 */
export function demoContactOperations(now: Date, count = 60): TOperation[] {
  // Seeded, so every fresh demo looks the same and re-seeding repeats the same messageIds.
  const r = seededRandom(7);
  const day = 24 * 3600 * 1000;
  const ops: TOperation[] = [];
  for (let i = 0; i < count; i++) {
    const first = FIRST[i % FIRST.length]!;
    const last = LAST[(i * 7) % LAST.length]!;
    const place = PLACES[i % PLACES.length]!;
    const userId = `demo-user-${String(i + 1).padStart(3, "0")}`;
    const signedUp = new Date(now.getTime() - Math.floor(r() * 30 * day));
    const at = (offsetMs: number) =>
      new Date(Math.min(now.getTime(), signedUp.getTime() + offsetMs)).toISOString();
    const id = (n: string) => `demo:${userId}:${n}`;
    // A few birthdays fall on the day the demo is seeded (in each contact's zone, one per place), so the Birthday greeting journey has work on first start.
    ops.push(
      call(
        "identify",
        {
          userId,
          messageId: id("identify"),
          timestamp: at(0),
          email: `${first}.${last}${i}@example.com`.toLowerCase(),
          phone: `${place.phone}${String(1000 + i).slice(-4)}`,
          timezone: place.timezone,
          locale: place.locale,
          country: place.country,
          city: place.city,
          attributes: {
            firstName: first,
            lastName: last,
            plan: r() < 0.25 ? "pro" : "free",
            signupSource: r() < 0.5 ? "ads" : "organic",
            birthday:
              i % 12 === 5
                ? `19${70 + (i % 30)}-${formatInTimeZone(now, place.timezone, "MM-dd")}`
                : `19${70 + (i % 30)}-0${1 + (i % 9)}-1${i % 9}`,
          },
          ...(i % 11 === 3 ? { subscriptions: { sms: "unsubscribed" } } : {}),
          ...(i % 17 === 5 ? { subscriptions: { all: "unsubscribed" } } : {}),
          ...(i % 4 === 0
            ? {
                pushTokens: [
                  { token: `demo-device-token-${i}`, platform: i % 8 === 0 ? "ios" : "android" },
                ],
              }
            : {}),
        },
        now,
      ),
      call(
        "track",
        {
          userId,
          event: "Signed Up",
          messageId: id("signup"),
          timestamp: at(0),
          properties: { source: "web" },
        },
        now,
      ),
    );
    const views = 1 + Math.floor(r() * 4);
    for (let v = 0; v < views; v++) {
      const product = PRODUCTS[Math.floor(r() * PRODUCTS.length)]!;
      ops.push(
        call(
          "track",
          {
            userId,
            event: "Product Viewed",
            messageId: id(`view-${v}`),
            timestamp: at((v + 1) * 3600_000),
            properties: { product },
          },
          now,
        ),
      );
    }
    if (r() < 0.6) {
      const product = PRODUCTS[i % PRODUCTS.length]!;
      const price = 20 + Math.round(r() * 180);
      ops.push(
        call(
          "track",
          {
            userId,
            event: "Added to Cart",
            messageId: id("cart"),
            timestamp: at(6 * 3600_000),
            properties: { product, price },
          },
          now,
        ),
      );
      if (r() < 0.5) {
        ops.push(
          call(
            "track",
            {
              userId,
              event: "Order Completed",
              messageId: id("order"),
              timestamp: at(8 * 3600_000),
              properties: { product, amount: price, currency: "EUR" },
            },
            now,
          ),
        );
      }
    }
  }
  ops.push(
    call(
      "page",
      {
        anonymousId: "demo-anonymous-visitor",
        name: "Pricing",
        messageId: "demo:anon:page",
        timestamp: new Date(now.getTime() - 3600_000).toISOString(),
      },
      now,
    ),
  );
  return ops;
}
