import { z } from "zod";
import type { TNote, TObjectKind } from "./report";

/**
 * The shape of every Pinpoint object and file the importer reads (API model 2016-12-01, see
 * ../shared/pinpoint-formats.md), checked before any converter sees it. The converters read
 * defensively, but a value of the wrong type there is either a TypeError (a 500 for the whole
 * upload) or silently dropped (`Values: ["a", 5]`); here it is refused with its path. Loose on
 * purpose: a field the importer does not read passes as it is, a missing one is the converters'
 * to report (they say what it is needed for), and `null` counts as missing, as some SDKs write it.
 */
const OBJECT = { error: "must be an object" };
const LIST = { error: "must be a list" };
const TEXT = { error: "must be text" };
const NUMBER = { error: "must be a number" };

const text = z.string(TEXT).nullish();
const texts = z.array(z.string(TEXT), LIST).nullish();
const anyObject = z.looseObject({}, OBJECT);
const objectOf = <S extends z.ZodRawShape>(shape: S) => z.looseObject(shape, OBJECT).nullish();
const mapOf = <T extends z.ZodType>(value: T) => z.record(z.string(), value, OBJECT).nullish();
const listOf = <T extends z.ZodType>(item: T) => z.array(item, LIST).nullish();

const ZSetDimension = z.looseObject({ DimensionType: text, Values: texts }, OBJECT);
const ZAttributeDimension = z.looseObject({ AttributeType: text, Values: texts }, OBJECT);
const ZMetricDimension = z.looseObject(
  { ComparisonOperator: text, Value: z.number(NUMBER).nullish() },
  OBJECT,
);

const ZSegmentDimensions = z.looseObject(
  {
    Attributes: mapOf(ZAttributeDimension),
    UserAttributes: mapOf(ZAttributeDimension),
    Metrics: mapOf(ZMetricDimension),
    Behavior: objectOf({ Recency: objectOf({ Duration: text, RecencyType: text }) }),
    Demographic: mapOf(ZSetDimension),
    Location: objectOf({ Country: ZSetDimension.nullish(), GPSPoint: anyObject.nullish() }),
  },
  OBJECT,
);

const ZEventDimensions = z.looseObject(
  {
    EventType: ZSetDimension.nullish(),
    Attributes: mapOf(ZAttributeDimension),
    Metrics: mapOf(ZMetricDimension),
  },
  OBJECT,
);
const ZEventFilter = objectOf({ FilterType: text, Dimensions: ZEventDimensions.nullish() });

const ZSimpleCondition = z.looseObject(
  {
    EventCondition: objectOf({ Dimensions: ZEventDimensions.nullish(), MessageActivity: text }),
    SegmentCondition: objectOf({ SegmentId: text }),
    SegmentDimensions: ZSegmentDimensions.nullish(),
  },
  OBJECT,
);
const ZWaitTime = objectOf({ WaitFor: text, WaitUntil: text });

/** One activity's settings, whatever its type: the fields every type shares a meaning for. */
const ZActivityBody = z.looseObject(
  {
    NextActivity: text,
    TrueActivity: text,
    FalseActivity: text,
    DefaultActivity: text,
    TemplateName: text,
    WaitTime: ZWaitTime,
    EvaluationWaitTime: ZWaitTime,
    MessageConfig: anyObject.nullish(),
    Condition: objectOf({ Conditions: listOf(ZSimpleCondition), Operator: text }),
    Branches: listOf(
      z.looseObject({ Condition: ZSimpleCondition.nullish(), NextActivity: text }, OBJECT),
    ),
  },
  OBJECT,
);
/** `{Description, <Type>: {…}}`: every key but Description is an activity type's settings. */
const ZActivity = z.object({ Description: text }, OBJECT).catchall(ZActivityBody);

const ZJourney = z.looseObject({
  Id: text,
  Name: text,
  StartActivity: text,
  Activities: mapOf(ZActivity),
  StartCondition: objectOf({
    SegmentStartCondition: objectOf({ SegmentId: text }),
    EventStartCondition: objectOf({ EventFilter: ZEventFilter, SegmentId: text }),
  }),
  Schedule: objectOf({ StartTime: text, EndTime: text, Timezone: text }),
  Limits: anyObject.nullish(),
  QuietTime: objectOf({ Start: text, End: text }),
});

const ZSegment = z.looseObject({
  Id: text,
  Name: text,
  SegmentType: text,
  Dimensions: ZSegmentDimensions.nullish(),
  SegmentGroups: objectOf({
    Include: text,
    Groups: listOf(
      z.looseObject(
        {
          Dimensions: listOf(ZSegmentDimensions),
          SourceSegments: listOf(z.looseObject({ Id: z.string(TEXT) }, OBJECT)),
          SourceType: text,
          Type: text,
        },
        OBJECT,
      ),
    ),
  }),
  ImportDefinition: anyObject.nullish(),
});

const ZPushPart = objectOf({ Action: text, Body: text, Title: text, Url: text });
const ZButton = objectOf({
  DefaultConfig: objectOf({ ButtonAction: text, Link: text, Text: text }),
});
const ZInAppContent = z.looseObject(
  {
    ImageUrl: text,
    HeaderConfig: objectOf({ Header: text }),
    BodyConfig: objectOf({ Body: text }),
    PrimaryBtn: ZButton,
    SecondaryBtn: ZButton,
  },
  OBJECT,
);

const ZTemplate = z.looseObject({
  TemplateName: text,
  TemplateType: text,
  Subject: text,
  HtmlPart: text,
  TextPart: text,
  Body: text,
  Headers: listOf(anyObject),
  Default: ZPushPart,
  APNS: ZPushPart,
  GCM: ZPushPart,
  ADM: ZPushPart,
  Baidu: ZPushPart,
  VoiceId: text,
  LanguageCode: text,
  Layout: text,
  Content: listOf(ZInAppContent),
});

const ZTreatment = {
  TreatmentName: text,
  TemplateConfiguration: mapOf(objectOf({ Name: text })),
  MessageConfiguration: mapOf(anyObject),
  Schedule: objectOf({
    StartTime: text,
    EndTime: text,
    Frequency: text,
    Timezone: text,
    EventFilter: ZEventFilter,
    QuietTime: objectOf({ Start: text, End: text }),
  }),
};
const ZCampaign = z.looseObject({
  Id: text,
  Name: text,
  SegmentId: text,
  HoldoutPercent: z.number(NUMBER).nullish(),
  ...ZTreatment,
  AdditionalTreatments: listOf(
    z.looseObject({ ...ZTreatment, SizePercent: z.number(NUMBER).nullish() }, OBJECT),
  ),
  Limits: anyObject.nullish(),
  Hook: anyObject.nullish(),
});

const ZSettings = z.looseObject({
  Limits: anyObject.nullish(),
  QuietTime: objectOf({ Start: text, End: text }),
  JourneyLimits: anyObject.nullish(),
  CampaignHook: anyObject.nullish(),
});

const SHAPES: Record<Exclude<TObjectKind, "endpoints">, z.ZodType> = {
  journey: ZJourney,
  segment: ZSegment,
  template: ZTemplate,
  campaign: ZCampaign,
  settings: ZSettings,
};

/** A zod path as the report writes paths: `SegmentGroups.Groups[0].SourceSegments[1].Id`. */
export function pathOf(path: readonly PropertyKey[]): string {
  return path
    .map((p, i) => (typeof p === "number" ? `[${p}]` : `${i ? "." : ""}${String(p)}`))
    .join("");
}

/** Enough to find each problem; a file wrong throughout need not list every field. */
const MAX_ISSUES = 20;

function issuesOf(schema: z.ZodType, value: unknown): TNote[] {
  const parsed = schema.safeParse(value);
  if (parsed.success) return [];
  return parsed.error.issues
    .slice(0, MAX_ISSUES)
    .map((issue) => ({ path: pathOf(issue.path), message: issue.message }));
}

/** What is wrong with one object's shape, by path inside the object; none when it is usable. */
export function shapeErrors(kind: Exclude<TObjectKind, "endpoints">, value: unknown): TNote[] {
  return issuesOf(SHAPES[kind], value);
}

const ZEndpointsResponse = z.looseObject({
  EndpointsResponse: z.looseObject({ Item: z.array(z.unknown(), LIST) }, OBJECT),
});
const ZEndpointResponse = z.looseObject({ EndpointResponse: anyObject });

/**
 * The endpoints of a `get-user-endpoints` or `get-endpoint` answer, or what is wrong with the
 * file. The items are not checked here: each is one line of an endpoint file, refused on its own
 * (with its number) by the endpoint import, like a bad line of an export job's file.
 */
export function endpointsOf(json: Record<string, unknown>): unknown[] | { errors: TNote[] } {
  if ("EndpointsResponse" in json) {
    const parsed = ZEndpointsResponse.safeParse(json);
    return parsed.success
      ? parsed.data.EndpointsResponse.Item
      : { errors: issuesOf(ZEndpointsResponse, json) };
  }
  const parsed = ZEndpointResponse.safeParse(json);
  return parsed.success
    ? [parsed.data.EndpointResponse]
    : { errors: issuesOf(ZEndpointResponse, json) };
}
