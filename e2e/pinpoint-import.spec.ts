import { expect, test, type APIRequestContext } from "@playwright/test";
import { zipSync } from "fflate";
import { startSmtpSink, type TSmtpSink } from "../lib/channels/testing/smtp-sink";
import { DEMO_API_KEY, hydrated, sql, storageStateFor } from "./helpers";
import { E2E_BASE_URL } from "./server";

/**
 * A Pinpoint team's afternoon: an admin uploads what `aws pinpoint get-journey`,
 * `get-email-template` and `get-segment` printed, reads the dry-run report, imports, opens the
 * journey on the canvas and publishes it; a sign-up then runs through it on the local executor
 * and its welcome email, converted from Handlebars to Liquid, reaches a real SMTP server.
 */
const shot = (name: string) => ({ path: `e2e/.artifacts/screenshots/${name}.png`, fullPage: true });
const run = Date.now().toString(36);
const journeyName = `pp_welcome_${run}`;
const templateName = `PP Welcome ${run}`;
const signupEvent = `pp_signup_${run}`;
const user = { userId: `pp-ann-${run}`, email: `pp-ann-${run}@example.com`, firstName: "Annika" };

const enc = (o: unknown) => new TextEncoder().encode(JSON.stringify(o, null, 2));
function exportZip(): Buffer {
  return Buffer.from(
    zipSync({
      "pinpoint-export/journeys/welcome.json": enc({
        JourneyResponse: {
          ApplicationId: "6e0b7591a90841d2b5d93fa11143e5a7",
          Id: `j${run}`,
          Name: journeyName,
          State: "ACTIVE",
          LocalTime: false,
          Schedule: { Timezone: "UTC+07" },
          StartCondition: {
            EventStartCondition: {
              EventFilter: {
                FilterType: "ENDPOINT",
                Dimensions: { EventType: { DimensionType: "INCLUSIVE", Values: [signupEvent] } },
              },
            },
          },
          StartActivity: "sendWelcome",
          Activities: {
            sendWelcome: {
              Description: "Welcome email",
              EMAIL: { TemplateName: templateName, NextActivity: "callCenter" },
            },
            callCenter: { ContactCenter: {} },
          },
        },
      }),
      "pinpoint-export/templates/welcome.json": enc({
        EmailTemplateResponse: {
          TemplateName: templateName,
          TemplateType: "EMAIL",
          Subject: "Welcome {{User.UserAttributes.FirstName}}",
          HtmlPart:
            "<html><body><h1>Hi {{User.UserAttributes.FirstName}}</h1><p>{{#if Attributes.Plan}}Plan: {{Attributes.Plan}}{{else}}No plan yet{{/if}}</p></body></html>",
          DefaultSubstitutions: '{"User.UserAttributes.FirstName":"friend"}',
        },
      }),
      "pinpoint-export/segments/active.json": enc({
        SegmentResponse: {
          Id: `s${run}`,
          Name: `PP active ${run}`,
          SegmentType: "DIMENSIONAL",
          Dimensions: {
            Behavior: { Recency: { Duration: "DAY_7", RecencyType: "ACTIVE" } },
            Location: {
              GPSPoint: { Coordinates: { Latitude: 1, Longitude: 2 }, RangeInKilometers: 5 },
            },
          },
        },
      }),
    }),
  );
}

let smtp: TSmtpSink;
let admin: APIRequestContext;

test.beforeAll(async ({ playwright }) => {
  smtp = await startSmtpSink();
  admin = await playwright.request.newContext({
    baseURL: E2E_BASE_URL,
    storageState: storageStateFor("admin"),
  });
  const res = await admin.put("/api/w/demo/channels/smtp", {
    data: {
      host: "127.0.0.1",
      port: smtp.port,
      secure: false,
      from: "hello@acme.test",
      fromName: "Acme",
    },
  });
  expect(res.status(), await res.text()).toBe(200);
});

test.afterAll(async () => {
  await admin?.delete("/api/w/demo/channels/smtp");
  await admin?.dispose();
  await smtp?.close();
});

test.use({ storageState: storageStateFor("admin"), viewport: { width: 1440, height: 900 } });

test("an admin imports a Pinpoint export, publishes its journey and a contact runs through it", async ({
  page,
  request,
}) => {
  test.setTimeout(180_000);
  await page.goto("/w/demo/settings/pinpoint");
  await expect(page.getByRole("heading", { name: "Import from Amazon Pinpoint" })).toBeVisible();
  await hydrated(page.getByTestId("pinpoint-zip"));
  await page.getByTestId("pinpoint-zip").setInputFiles({
    name: "pinpoint-export.zip",
    mimeType: "application/zip",
    buffer: exportZip(),
  });
  await page.getByRole("button", { name: "Check (dry run)" }).click();

  // The dry run: what each object becomes, what is approximated, what cannot come along.
  const report = page.getByTestId("pinpoint-report");
  await expect(report).toContainText("Dry run: nothing was written yet");
  const journey = report.locator('[data-kind="journey"]');
  await expect(journey).toContainText(`draft journey "${journeyName}" with 3 steps`);
  await expect(journey).toContainText("Activities.callCenter.ContactCenter");
  await expect(journey).toContainText("Amazon Connect outbound calls have no equivalent");
  await expect(report.locator('[data-kind="template"]')).toContainText(
    `email template "${templateName}"`,
  );
  await expect(report.locator('[data-kind="segment"]')).toContainText(
    "Dimensions.Location.GPSPoint",
  );
  const journeys = async () =>
    (
      await sql<{ n: number }>(request, "select count(*)::int as n from journeys where name = $1", [
        journeyName,
      ])
    )[0]!.n;
  expect(await journeys()).toBe(0);
  await page.screenshot(shot("pinpoint-import-report-1440"));
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot(shot("pinpoint-import-report-1280"));
  await page.setViewportSize({ width: 1440, height: 900 });

  // Import, then open the journey from the report.
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await expect(report).toContainText("Imported");
  expect(await journeys()).toBe(1);
  await page.screenshot(shot("pinpoint-import-done-1440"));
  await journey.getByRole("link", { name: "Open" }).click();
  await expect(page).toHaveURL(/\/w\/demo\/journeys\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("node-sendWelcome")).toBeVisible();
  await expect(page.getByTestId("node-pinpoint-start")).toBeVisible();
  await page.screenshot(shot("pinpoint-import-canvas"));

  // Published as is, it runs: a sign-up gets the converted welcome email at the SMTP server.
  await page.getByRole("button", { name: /^Publish/ }).click();
  await expect(page.getByTestId("live-version")).toHaveText("Version 1 · Live");
  const batch = await request.post("/api/v1/batch", {
    data: {
      batch: [
        {
          type: "identify",
          userId: user.userId,
          traits: { email: user.email, FirstName: user.firstName },
        },
        { type: "track", userId: user.userId, event: signupEvent, messageId: `pp-signup-${run}` },
      ],
    },
    headers: { authorization: `Bearer ${DEMO_API_KEY}` },
  });
  expect(batch.status(), await batch.text()).toBe(200);
  const mail = await smtp.waitFor((m) => m.to.includes(user.email), 90_000);
  expect(mail.subject).toBe(`Welcome ${user.firstName}`);
  expect(mail.html).toContain(`Hi ${user.firstName}`);
  expect(mail.html).toContain("No plan yet");
});
