import {
  setAccessKeyIdIfMissing,
  setPinpointApplicationId,
  workspaceHasEndpoints,
} from "@/db/queries/pinpoint";
import { hashApiKey } from "@/lib/api-keys/api-key";
import { applyPinpointItems } from "@/lib/pinpoint/apply-pinpoint-items";
import { DEMO_AWS_ACCESS_KEY_ID, DEMO_PINPOINT_APP_ID } from "./demo-accounts";
import { demoCredentials } from "./demo-credentials";

/**
 * The Pinpoint-compatible API on the demo: the server key signs AWS SDK calls, the workspace
 * answers to a Pinpoint application id, and one demo contact has the phone endpoint and session
 * events an app using the AWS SDK would have sent (its profile shows them).
 */
export async function seedDemoPinpoint(workspaceId: string, now = new Date()) {
  await setAccessKeyIdIfMissing(
    workspaceId,
    hashApiKey(demoCredentials().apiKey),
    DEMO_AWS_ACCESS_KEY_ID,
  );
  await setPinpointApplicationId(workspaceId, DEMO_PINPOINT_APP_ID);
  if (await workspaceHasEndpoints(workspaceId)) return;
  const at = (minutesAgo: number) => new Date(now.getTime() - minutesAgo * 60_000).toISOString();
  await applyPinpointItems(
    workspaceId,
    [
      {
        endpointId: "demo-iphone-001",
        endpoint: {
          ChannelType: "APNS",
          Address: "demo-apns-token-0001-0123456789abcdef",
          Demographic: { Platform: "iOS", PlatformVersion: "18.1", Make: "Apple", Model: "iPhone" },
          User: { UserId: "demo-user-001", UserAttributes: { appTier: ["gold"] } },
        },
        events: [
          [
            "demo-pinpoint-session-1",
            {
              EventType: "_session.start",
              Timestamp: at(30),
              Session: { Id: "demo-s1", StartTimestamp: at(30) },
            },
          ],
          [
            "demo-pinpoint-purchase-1",
            {
              EventType: "_monetization.purchase",
              Timestamp: at(25),
              Attributes: { _product_id: "sku-42" },
              Metrics: { _item_price: 9.99 },
            },
          ],
        ],
      },
    ],
    now,
  );
}
