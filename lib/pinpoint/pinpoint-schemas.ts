import { z } from "zod";

/**
 * Pinpoint's request shapes (API model 2016-12-01; docs/api.md, "Amazon Pinpoint's APIs"),
 * strict: a field Pinpoint does not define is refused with the field's name, as AWS's own
 * validation does, rather than silently dropped. Limits are Pinpoint's quotas.
 */
export const MAX_EVENTS_PER_REQUEST = 100;
export const MAX_ENDPOINTS_PER_BATCH = 100;

const ZName = z
  .string()
  .min(1, { error: "cannot be empty" })
  .max(50, { error: "names are at most 50 characters" });
/**
 * Endpoint, event and user ids, in a body or in the path: Pinpoint's own limit, which also keeps
 * an id within what a PostgreSQL index entry can hold.
 */
export const ZId = z
  .string()
  .min(1, { error: "cannot be empty" })
  .max(200, { error: "ids are at most 200 characters" });
const ZAttributeValues = z
  .array(z.string().max(100, { error: "values are at most 100 characters" }))
  .max(50, { error: "at most 50 values per attribute" });
const ZAttributeLists = z.record(ZName, ZAttributeValues, { error: "must be a map of lists" });
const ZMetrics = z.record(ZName, z.number().finite(), { error: "must be a map of numbers" });
const ZShort = z.string().max(256);

export const ZDemographic = z.strictObject({
  AppVersion: ZShort.optional(),
  Locale: ZShort.optional(),
  Make: ZShort.optional(),
  Model: ZShort.optional(),
  ModelVersion: ZShort.optional(),
  Platform: ZShort.optional(),
  PlatformVersion: ZShort.optional(),
  Timezone: ZShort.optional(),
});

export const ZLocation = z.strictObject({
  City: ZShort.optional(),
  Country: ZShort.optional(),
  Latitude: z.number().min(-90).max(90).optional(),
  Longitude: z.number().min(-180).max(180).optional(),
  PostalCode: ZShort.optional(),
  Region: ZShort.optional(),
});

export const CHANNEL_TYPES = [
  "PUSH",
  "GCM",
  "APNS",
  "APNS_SANDBOX",
  "APNS_VOIP",
  "APNS_VOIP_SANDBOX",
  "ADM",
  "SMS",
  "VOICE",
  "EMAIL",
  "BAIDU",
  "CUSTOM",
  "IN_APP",
] as const;
export type TChannelType = (typeof CHANNEL_TYPES)[number];

const endpointFields = {
  Address: z.string().max(4096).optional(),
  Attributes: ZAttributeLists.optional(),
  ChannelType: z
    .enum(CHANNEL_TYPES, { error: `must be one of ${CHANNEL_TYPES.join(", ")}` })
    .optional(),
  Demographic: ZDemographic.optional(),
  EffectiveDate: ZShort.optional(),
  EndpointStatus: z.enum(["ACTIVE", "INACTIVE"]).optional(),
  Location: ZLocation.optional(),
  Metrics: ZMetrics.optional(),
  OptOut: z.enum(["ALL", "NONE"]).optional(),
  RequestId: ZShort.optional(),
  User: z
    .strictObject({
      UserAttributes: ZAttributeLists.optional(),
      UserId: ZId.optional(),
    })
    .optional(),
};

/** `EndpointRequest` (UpdateEndpoint) and `PublicEndpoint` (PutEvents) have the same fields. */
export const ZEndpointRequest = z.strictObject(endpointFields);
export type TEndpointRequest = z.infer<typeof ZEndpointRequest>;

export const ZEndpointBatchRequest = z.strictObject({
  Item: z
    .array(z.strictObject({ ...endpointFields, Id: ZId }))
    .min(1, { error: "needs at least one endpoint" })
    .max(MAX_ENDPOINTS_PER_BATCH, {
      error: `at most ${MAX_ENDPOINTS_PER_BATCH} endpoints per request`,
    }),
});

export const ZEvent = z.strictObject({
  AppPackageName: ZShort.optional(),
  AppTitle: ZShort.optional(),
  AppVersionCode: ZShort.optional(),
  Attributes: z.record(ZName, z.string().max(1000)).optional(),
  ClientSdkVersion: ZShort.optional(),
  EventType: z.string({ error: "is required" }).min(1, { error: "is required" }).max(200),
  Metrics: ZMetrics.optional(),
  SdkName: ZShort.optional(),
  Session: z
    .strictObject({
      Duration: z.number().int().optional(),
      Id: z.string({ error: "is required" }).min(1).max(200),
      StartTimestamp: z.string({ error: "is required" }).max(64),
      StopTimestamp: z.string().max(64).optional(),
    })
    .optional(),
  Timestamp: z.string({ error: "is required" }).max(64),
});
export type TEvent = z.infer<typeof ZEvent>;

export const ZEventsRequest = z
  .strictObject({
    BatchItem: z.record(
      ZId,
      // Both required, as in Pinpoint's model (an app sends `Endpoint: {}` when it has nothing).
      z.strictObject({
        Endpoint: ZEndpointRequest,
        Events: z.record(ZId, ZEvent),
      }),
      { error: "is required" },
    ),
  })
  .superRefine((r, ctx) => {
    const events = Object.values(r.BatchItem).reduce(
      (n, i) => n + Object.keys(i.Events ?? {}).length,
      0,
    );
    if (Object.keys(r.BatchItem).length > MAX_ENDPOINTS_PER_BATCH)
      ctx.addIssue({
        code: "custom",
        path: ["BatchItem"],
        message: `at most ${MAX_ENDPOINTS_PER_BATCH} endpoints per request`,
      });
    if (events > MAX_EVENTS_PER_REQUEST)
      ctx.addIssue({
        code: "custom",
        path: ["BatchItem"],
        message: `at most ${MAX_EVENTS_PER_REQUEST} events per request (got ${events})`,
      });
  });
export type TEventsRequest = z.infer<typeof ZEventsRequest>;
