import { shapeErrors } from "./export-shapes";
import type { TNote, TObjectKind } from "./report";

/**
 * What a JSON file of a Pinpoint export holds. The CLI prints `get-*` answers wrapped in the
 * response shape's name (`{"JourneyResponse": …}`) and list answers as `{"JourneysResponse":
 * {"Item": […]}}`; files saved from the API or the console are bare. Both are accepted.
 */
export type TClassified = {
  kind: TObjectKind;
  path: string;
  value: Record<string, unknown>;
  /** Why its shape is not Pinpoint's (export-shapes.ts), by path in it: it is not imported. */
  errors?: TNote[];
};

type TKind = Exclude<TObjectKind, "endpoints">;

const WRAPPERS: Record<string, TKind> = {
  JourneyResponse: "journey",
  SegmentResponse: "segment",
  CampaignResponse: "campaign",
  EmailTemplateResponse: "template",
  SMSTemplateResponse: "template",
  PushNotificationTemplateResponse: "template",
  VoiceTemplateResponse: "template",
  InAppTemplateResponse: "template",
  ApplicationSettingsResource: "settings",
};
const LIST_WRAPPERS: Record<string, TKind> = {
  JourneysResponse: "journey",
  SegmentsResponse: "segment",
  CampaignsResponse: "campaign",
};

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** A bare object's kind, read from the fields only that kind has. */
function bareKind(v: Record<string, unknown>): TKind | null {
  if ("Activities" in v || "StartActivity" in v) return "journey";
  if ("TemplateType" in v || "HtmlPart" in v || ("TemplateName" in v && !("Id" in v)))
    return "template";
  if ("SegmentType" in v || "Dimensions" in v || "SegmentGroups" in v || "ImportDefinition" in v)
    return "segment";
  if ("MessageConfiguration" in v || "TemplateConfiguration" in v || "TreatmentName" in v)
    return "campaign";
  if ("CampaignHook" in v || ("QuietTime" in v && "ApplicationId" in v && !("Name" in v)))
    return "settings";
  return null;
}

function checked(kind: TKind, path: string, value: unknown): TClassified {
  if (!isObject(value))
    return { kind, path, value: {}, errors: [{ path: "", message: "must be an object" }] };
  const errors = shapeErrors(kind, value);
  return errors.length ? { kind, path, value, errors } : { kind, path, value };
}

/** The objects in one parsed JSON file, each with its path inside the file; or why it has none. */
export function classifyJson(json: unknown): TClassified[] | { error: string } {
  if (!isObject(json)) return { error: "is not a JSON object" };
  const keys = Object.keys(json);
  if (keys.length === 1) {
    const key = keys[0]!;
    const inner = json[key];
    if (WRAPPERS[key]) {
      if (!isObject(inner)) return { error: `${key} must be an object` };
      return [checked(WRAPPERS[key], key, inner)];
    }
    if (LIST_WRAPPERS[key]) {
      const items = isObject(inner) ? inner.Item : undefined;
      if (!Array.isArray(items)) return { error: `${key}.Item must be a list` };
      return items.map((item, i) => checked(LIST_WRAPPERS[key]!, `${key}.Item[${i}]`, item));
    }
    if (key === "TemplatesResponse")
      return {
        error:
          "ListTemplates holds only names and dates; export each template with get-email-template (or sms, push, voice, in-app)",
      };
  }
  const kind = bareKind(json);
  if (!kind)
    return {
      error:
        "is not a Pinpoint journey, segment, campaign, template or application settings (wrapped or bare)",
    };
  return [checked(kind, "", json)];
}
