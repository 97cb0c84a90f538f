import { sendingDomainRates, sendingDomainRatesByDay } from "@/db/queries/sending-domain-rates";
import { senderRates, senderRatesByDay } from "@/db/queries/suppressions";

/** Gmail's and Yahoo's bulk-sender line: a spam-complaint rate at or above 0.3 % hurts delivery. */
export const COMPLAINT_RATE_LINE = 0.003;
/** Bounce rates past 5 % get an SES account reviewed (and most ESPs warn well before). */
export const BOUNCE_RATE_LINE = 0.05;

const DAY = 86_400_000;
// With nothing sent there is no rate to speak of (a complaint about older mail arrived): 0 here,
// no warning, and a gap on the chart.
const rate = (n: number, of: number) => (of > 0 ? n / of : 0);

type TCounts = { sent: number; bounces: number; complaints: number };
const withRates = <T extends TCounts>(r: T) => ({
  ...r,
  bounceRate: rate(r.bounces, r.sent),
  complaintRate: rate(r.complaints, r.sent),
  overComplaintLine:
    r.sent > 0 && r.complaints > 0 && rate(r.complaints, r.sent) >= COMPLAINT_RATE_LINE,
});

/** Per sending provider over the last `days`: sent, bounce and complaint counts and rates. */
export async function senderHealth(workspaceId: string, days = 30, now = new Date()) {
  const rows = await senderRates(workspaceId, new Date(now.getTime() - days * DAY));
  return rows.map(withRates);
}

/**
 * The same per sending domain (the From address's): mailbox providers judge a domain, so two
 * providers sending for one domain share its rate, and one provider sending for two does not.
 */
export async function sendingDomainHealth(workspaceId: string, days = 30, now = new Date()) {
  const rows = await sendingDomainRates(workspaceId, new Date(now.getTime() - days * DAY));
  return rows.map(withRates);
}

/**
 * The providers and sending domains the Settings banner warns about: a complaint rate over the
 * last 30 days at or above the line. One function for the banner and its test, so what is tested
 * is what is shown.
 */
export async function sendersOverComplaintLine(workspaceId: string, now = new Date()) {
  return (await senderHealth(workspaceId, 30, now)).filter((s) => s.overComplaintLine);
}
export async function sendingDomainsOverComplaintLine(workspaceId: string, now = new Date()) {
  return (await sendingDomainHealth(workspaceId, 30, now)).filter((s) => s.overComplaintLine);
}

/** Chart points by day: `<name>:complaints` and `<name>:bounces` in percent, where mail was sent. */
function dailySeries<T extends TCounts & { day: string }>(rows: T[], nameOf: (r: T) => string) {
  const names = [...new Set(rows.map(nameOf))].sort();
  const byDay = new Map<string, Record<string, number | string>>();
  for (const r of rows) {
    const point = byDay.get(r.day) ?? { day: r.day };
    if (r.sent > 0) {
      point[`${nameOf(r)}:complaints`] = rate(r.complaints, r.sent) * 100;
      point[`${nameOf(r)}:bounces`] = rate(r.bounces, r.sent) * 100;
    }
    byDay.set(r.day, point);
  }
  return { names, points: [...byDay.values()] };
}

/** Daily complaint and bounce rates per provider, for the dashboard chart. */
export async function senderRateSeries(workspaceId: string, days = 30, now = new Date()) {
  const rows = await senderRatesByDay(workspaceId, new Date(now.getTime() - days * DAY));
  const { names, points } = dailySeries(rows, (r) => r.provider);
  return { providers: names, points };
}

/** Daily complaint and bounce rates per sending domain, for the dashboard chart. */
export async function sendingDomainRateSeries(workspaceId: string, days = 30, now = new Date()) {
  const rows = await sendingDomainRatesByDay(workspaceId, new Date(now.getTime() - days * DAY));
  const { names, points } = dailySeries(rows, (r) => r.domain);
  return { domains: names, points };
}
