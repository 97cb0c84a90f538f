import type { TObjectKind } from "./report";

/**
 * What a JSON file of a Pinpoint export holds. The CLI prints `get-*` answers wrapped in the
 * response shape's name (`{"JourneyResponse": …}`) and list answers as `{"JourneysResponse":
 * {"Item": […]}}`; files saved from the API or the console are bare. Both are accepted.
 */
export type TClassified = { kind: TObjectKind; path: string; value: Record<string, unknown> };

const WRAPPERS: Record<string, TObjectKind> = {
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
const LIST_WRAPPERS: Record<string, TObjectKind> = {
  JourneysResponse: "journey",
  SegmentsResponse: "segment",
  CampaignsResponse: "campaign",
};

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** A bare object's kind, read from the fields only that kind has. */
function bareKind(v: Record<string, unknown>): TObjectKind | null {
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

/** The objects in one parsed JSON file, each with its path inside the file; or why it has none. */
export function classifyJson(json: unknown): TClassified[] | { error: string } {
  if (!isObject(json)) return { error: "is not a JSON object" };
  const keys = Object.keys(json);
  if (keys.length === 1) {
    const key = keys[0]!;
    const inner = json[key];
    if (WRAPPERS[key]) {
      if (!isObject(inner)) return { error: `${key} must be an object` };
      return [{ kind: WRAPPERS[key], path: key, value: inner }];
    }
    if (LIST_WRAPPERS[key]) {
      const items = isObject(inner) ? inner.Item : undefined;
      if (!Array.isArray(items)) return { error: `${key}.Item must be a list` };
      return items.map((item, i) =>
        isObject(item)
          ? { kind: LIST_WRAPPERS[key]!, path: `${key}.Item[${i}]`, value: item }
          : { kind: LIST_WRAPPERS[key]!, path: `${key}.Item[${i}]`, value: {} },
      );
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
  return [{ kind, path: "", value: json }];
}
