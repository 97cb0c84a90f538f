import type { TSendChannel } from "@/lib/channels/types";
import { convertTemplate, type TConvertedTemplate } from "./convert-template";
import { eventFilters, eventName } from "./convert-condition";
import { isoInstant, offsetToZone } from "./iso-duration";
import { NoteList } from "./report";

/**
 * A Pinpoint campaign as a Waymark draft campaign: segment audience, one treatment per Pinpoint
 * treatment (main + `AdditionalTreatments`) with its template, `HoldoutPercent`, the schedule
 * (once, local time, recurring, event) and limits. Messages written in the campaign itself
 * (`MessageConfiguration`) become templates of their own, named after the campaign.
 */
export type TCampaignTreatment = {
  label: string;
  percent: number;
  /** A template of the export by name, or one made from the campaign's own message. */
  template: { name: string } | { inline: TConvertedTemplate };
};
export type TConvertedCampaign = {
  name: string;
  channel: TSendChannel;
  segmentPinpointId: string | null;
  treatments: TCampaignTreatment[];
  holdoutPercent: number;
  schedule: Record<string, unknown>;
  limits: Record<string, unknown>;
  notes: NoteList;
};
type R = Record<string, unknown>;
const obj = (v: unknown): R => (typeof v === "object" && v && !Array.isArray(v) ? (v as R) : {});
const str = (v: unknown) => (typeof v === "string" && v ? v : undefined);

const TEMPLATE_KEYS = [
  ["EmailTemplate", "email"],
  ["SMSTemplate", "sms"],
  ["PushTemplate", "push"],
  ["InAppTemplate", "in_app"],
  ["VoiceTemplate", "voice"],
] as const;

/** The channel and template of a treatment: a template by name, or its inline message. */
function messageOf(
  t: R,
  name: string,
  path: string,
  notes: NoteList,
): { channel: TSendChannel; template: TCampaignTreatment["template"] } | null {
  const at = (k: string) => (path ? `${path}.${k}` : k);
  const tc = obj(t.TemplateConfiguration);
  for (const [key, channel] of TEMPLATE_KEYS) {
    const ref = str(obj(tc[key]).Name);
    if (!ref) continue;
    if (obj(tc[key]).Version)
      notes.approx(at(`TemplateConfiguration.${key}.Version`), "the imported version is sent");
    return { channel, template: { name: ref } };
  }
  const mc = obj(t.MessageConfiguration);
  const email = obj(mc.EmailMessage);
  const sms = obj(mc.SMSMessage);
  const push = obj(mc.DefaultMessage ?? mc.GCMMessage ?? mc.APNSMessage);
  const inApp = obj(mc.InAppMessage);
  let pseudo: R | null = null;
  if (Object.keys(email).length)
    pseudo = {
      TemplateType: "EMAIL",
      Subject: email.Title,
      HtmlPart: email.HtmlBody,
      TextPart: email.Body,
    };
  else if (Object.keys(sms).length) pseudo = { TemplateType: "SMS", Body: sms.Body };
  else if (Object.keys(push).length)
    pseudo = {
      TemplateType: "PUSH",
      Default: { Title: push.Title, Body: push.Body, Url: push.Url, Action: push.Action },
    };
  else if (Object.keys(inApp).length)
    pseudo = { TemplateType: "INAPP", Content: inApp.Content, Layout: inApp.Layout };
  if (!pseudo) {
    if (mc.CustomMessage)
      notes.unsupport(
        at("MessageConfiguration.CustomMessage"),
        "custom-channel campaigns have no equivalent",
      );
    notes.error(at("MessageConfiguration"), "names no template and has no message");
    return null;
  }
  const inline = convertTemplate({ ...pseudo, TemplateName: `${name} (Pinpoint message)` });
  for (const n of inline.notes.approximated)
    notes.approx(at(`MessageConfiguration.${n.path}`), n.message);
  for (const n of inline.notes.unsupported)
    notes.unsupport(at(`MessageConfiguration.${n.path}`), n.message);
  for (const n of inline.notes.errors) notes.error(at(`MessageConfiguration.${n.path}`), n.message);
  notes.approx(at("MessageConfiguration"), `the message becomes the template "${inline.name}"`);
  return { channel: inline.channel, template: { inline } };
}

/** The wall-clock date and time of an instant in a zone. */
function wallClock(iso: string, zone: string) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-CA", {
      timeZone: zone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
      weekday: "short",
    })
      .formatToParts(new Date(iso))
      .map((p) => [p.type, p.value]),
  );
  const days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    time: `${parts.hour}:${parts.minute}`,
    weekday: days.indexOf(parts.weekday!),
    dayOfMonth: Number(parts.day),
  };
}

function convertSchedule(s: R, notes: NoteList): { schedule: R; quiet?: R } {
  const start = s.StartTime;
  const zone = offsetToZone(s.Timezone ?? "UTC");
  if (!zone)
    notes.error("Schedule.Timezone", `"${String(s.Timezone)}" is not a UTC offset like UTC+07`);
  const startAt = start === "IMMEDIATE" ? null : isoInstant(start);
  if (start !== "IMMEDIATE" && !startAt)
    notes.error("Schedule.StartTime", "must be IMMEDIATE or an ISO-8601 date-time");
  const endAt = s.EndTime === undefined ? undefined : isoInstant(s.EndTime);
  if (s.EndTime !== undefined && !endAt)
    notes.error("Schedule.EndTime", "must be an ISO-8601 date-time");
  const frequency = String(s.Frequency ?? "ONCE");
  const quiet = obj(s.QuietTime);
  const quietOut =
    quiet.Start && quiet.End ? { start: String(quiet.Start), end: String(quiet.End) } : undefined;
  if (frequency === "EVENT" || frequency === "IN_APP_EVENT") {
    if (frequency === "IN_APP_EVENT")
      notes.approx("Schedule.Frequency", "an in-app event campaign sends when the event arrives");
    const dims = obj(obj(s.EventFilter).Dimensions);
    const event = eventName(dims, "Schedule.EventFilter.Dimensions", notes) ?? "";
    return {
      schedule: {
        kind: "event",
        event,
        filters: eventFilters(dims, "Schedule.EventFilter.Dimensions", notes),
        ...(endAt ? { endAt } : {}),
      },
      quiet: quietOut,
    };
  }
  if (frequency === "ONCE") {
    if (!startAt) return { schedule: { kind: "now" }, quiet: quietOut };
    if (s.IsLocalTime) {
      const w = wallClock(startAt, zone ?? "UTC");
      notes.approx("Schedule.IsLocalTime", `sent at ${w.date} ${w.time} in each contact's zone`);
      return { schedule: { kind: "local_time", date: w.date, time: w.time }, quiet: quietOut };
    }
    return { schedule: { kind: "at", sendAt: startAt }, quiet: quietOut };
  }
  const freq = { HOURLY: "hourly", DAILY: "daily", WEEKLY: "weekly", MONTHLY: "monthly" }[
    frequency
  ];
  if (!freq) {
    notes.error("Schedule.Frequency", `"${frequency}" is not a Pinpoint frequency`);
    return { schedule: { kind: "now" } };
  }
  const w = wallClock(startAt ?? new Date().toISOString(), zone ?? "UTC");
  return {
    schedule: {
      kind: "recurring",
      recurrence: {
        frequency: freq,
        time: w.time,
        ...(freq === "weekly" ? { weekdays: [w.weekday] } : {}),
        ...(freq === "monthly" ? { dayOfMonth: w.dayOfMonth } : {}),
        startDate: w.date,
        ...(endAt ? { endDate: wallClock(endAt, zone ?? "UTC").date } : {}),
        localTime: Boolean(s.IsLocalTime),
      },
    },
    quiet: quietOut,
  };
}

export function convertCampaign(c: R): TConvertedCampaign {
  const notes = new NoteList();
  const name = String(c.Name ?? "").trim() || `Pinpoint campaign ${String(c.Id ?? "")}`;
  const main = messageOf(c, name, "", notes);
  const channel = main?.channel ?? "email";
  let holdout = Math.round(Number(c.HoldoutPercent ?? 0));
  if (holdout > 50) {
    notes.approx("HoldoutPercent", `${holdout} % is more than Waymark's 50 %; held out 50 %`);
    holdout = 50;
  }
  const extra = Array.isArray(c.AdditionalTreatments) ? c.AdditionalTreatments.map(obj) : [];
  const raw: { label: string; size: number; template: TCampaignTreatment["template"] }[] = [];
  extra.forEach((t, i) => {
    const m = messageOf(
      t,
      `${name} ${str(t.TreatmentName) ?? `treatment ${i + 2}`}`,
      `AdditionalTreatments[${i}]`,
      notes,
    );
    if (!m) return;
    if (m.channel !== channel)
      notes.error(
        `AdditionalTreatments[${i}]`,
        `sends ${m.channel}; the campaign sends ${channel}`,
      );
    if (t.Schedule)
      notes.approx(
        `AdditionalTreatments[${i}].Schedule`,
        "every treatment sends on the campaign's schedule",
      );
    raw.push({
      label: str(t.TreatmentName) ?? `Treatment ${i + 2}`,
      size: Number(t.SizePercent ?? 0),
      template: m.template,
    });
  });
  const extraSize = raw.reduce((s, t) => s + t.size, 0);
  if (main)
    raw.unshift({
      label: str(c.TreatmentName) ?? "Treatment A",
      size: Math.max(0, 100 - holdout - extraSize),
      template: main.template,
    });
  const total = raw.reduce((s, t) => s + t.size, 0) || 1;
  const treatments = raw.map((t) => ({
    label: t.label.slice(0, 40),
    template: t.template,
    percent: Math.max(1, Math.round((t.size * 100) / total)),
  }));
  if (treatments.length) {
    const sum = treatments.reduce((s, t) => s + t.percent, 0);
    treatments[0]!.percent += 100 - sum;
    if (raw.length > 1)
      notes.approx("AdditionalTreatments", "treatment shares are of the contacts not held out");
  }
  if (treatments.length > 5)
    notes.error("AdditionalTreatments", "Waymark campaigns take at most 5 treatments");
  const { schedule, quiet } = convertSchedule(obj(c.Schedule), notes);
  const l = obj(c.Limits);
  const limits: R = {};
  if (typeof l.Daily === "number" && l.Daily > 0)
    limits.dailyCapPerContact = Math.min(100, l.Daily);
  if (typeof l.Total === "number" && l.Total > 0)
    limits.totalCapPerContact = Math.min(1000, l.Total);
  if (typeof l.MessagesPerSecond === "number" && l.MessagesPerSecond > 0)
    limits.messagesPerSecond = Math.min(20000, Math.max(1, l.MessagesPerSecond));
  if (typeof l.MaximumDuration === "number" && l.MaximumDuration > 0)
    limits.maxDurationMinutes = Math.min(10080, Math.ceil(l.MaximumDuration / 60));
  if (l.Session !== undefined)
    notes.unsupport("Limits.Session", "in-app session caps are not kept");
  if (quiet) limits.quietHours = quiet;
  const hook = obj(c.Hook);
  if (hook.LambdaFunctionName || hook.WebUrl)
    notes.unsupport("Hook", "campaign hooks (AWS Lambda) cannot run outside AWS");
  if (c.CustomDeliveryConfiguration)
    notes.unsupport("CustomDeliveryConfiguration", "custom delivery (Lambda or URL) is not kept");
  if (c.Priority !== undefined) notes.unsupport("Priority", "in-app message priority is not kept");
  if (c.IsPaused) notes.approx("IsPaused", "imported as a draft; launch it when ready");
  const state = str(obj(c.State).CampaignStatus);
  if (state && state !== "PAUSED")
    notes.approx("State", `was ${state} in Pinpoint; imported as a draft`);
  const segmentPinpointId = str(c.SegmentId) ?? null;
  if (c.SegmentVersion !== undefined)
    notes.approx("SegmentVersion", "the segment's current definition is used");
  return {
    name,
    channel,
    segmentPinpointId,
    treatments,
    holdoutPercent: holdout,
    schedule,
    limits,
    notes,
  };
}
