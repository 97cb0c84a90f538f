import { ZCampaignDefaults, type TCampaignLimits } from "@/lib/campaigns/campaign-limits";
import { NoteList } from "./report";

/**
 * `ApplicationSettingsResource` (get-application-settings) as the workspace's campaign defaults:
 * quiet time and the daily, total and per-second caps.
 */
type R = Record<string, unknown>;
const obj = (v: unknown): R => (typeof v === "object" && v && !Array.isArray(v) ? (v as R) : {});

export function convertSettings(s: R): { defaults: TCampaignLimits | null; notes: NoteList } {
  const notes = new NoteList();
  const out: R = {};
  const l = obj(s.Limits);
  if (typeof l.Daily === "number" && l.Daily > 0) out.dailyCapPerContact = Math.min(100, l.Daily);
  if (typeof l.Total === "number" && l.Total > 0) out.totalCapPerContact = Math.min(1000, l.Total);
  if (typeof l.MessagesPerSecond === "number" && l.MessagesPerSecond > 0)
    out.messagesPerSecond = Math.min(20000, l.MessagesPerSecond);
  if (typeof l.MaximumDuration === "number" && l.MaximumDuration > 0)
    out.maxDurationMinutes = Math.min(10080, Math.ceil(l.MaximumDuration / 60));
  const q = obj(s.QuietTime);
  if (q.Start && q.End) out.quietHours = { start: q.Start, end: q.End };
  const jl = obj(s.JourneyLimits);
  if (Object.keys(jl).length)
    notes.unsupport(
      "JourneyLimits",
      "journey caps are set per journey (its daily cap); project-wide journey caps are not kept",
    );
  if (obj(s.CampaignHook).LambdaFunctionName)
    notes.unsupport("CampaignHook", "campaign hooks (AWS Lambda) cannot run outside AWS");
  const parsed = ZCampaignDefaults.safeParse(out);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) notes.error(issue.path.join("."), issue.message);
    return { defaults: null, notes };
  }
  return { defaults: parsed.data, notes };
}
