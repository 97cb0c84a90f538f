import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { requireWorkspace } from "@/app/_server/require-workspace";
import { PageHeader } from "@/components/app/page-header";
import { CampaignCalendar } from "@/components/campaigns/calendar/campaign-calendar";
import { CampaignsViewSwitch } from "@/components/campaigns/campaigns-view-switch";
import { todayIn } from "@/lib/analytics/date-range";
import { CALENDAR_VIEWS } from "@/lib/campaigns/calendar/calendar-range";
import { readCampaignCalendar } from "@/lib/campaigns/calendar/read-calendar";

export async function generateMetadata() {
  return { title: (await getTranslations("campaigns.calendar"))("title") };
}

/** `?view=month|week&date=yyyy-mm-dd`; anything else falls back to this month. */
const ZCalendarParams = z.object({
  view: z.enum(CALENDAR_VIEWS).catch("month"),
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .refine(
      (d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && d >= "2000-01-01" && d <= "2100-12-31",
    )
    .optional()
    .catch(undefined),
});

export default async function CampaignCalendarPage({
  params,
  searchParams,
}: PageProps<"/w/[workspace]/campaigns/calendar">) {
  const { workspace } = await requireWorkspace((await params).workspace);
  const t = await getTranslations("campaigns.calendar");
  const raw = await searchParams;
  const q = ZCalendarParams.parse({
    view: typeof raw.view === "string" ? raw.view : undefined,
    date: typeof raw.date === "string" ? raw.date : undefined,
  });
  const today = todayIn(workspace.timezone);
  const { range, entries } = await readCampaignCalendar(workspace, q.view, q.date ?? today);
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description", { zone: workspace.timezone })}
        actions={<CampaignsViewSwitch slug={workspace.slug} current="calendar" />}
      />
      <CampaignCalendar
        slug={workspace.slug}
        range={range}
        entries={entries}
        today={today}
        timeZone={workspace.timezone}
      />
    </>
  );
}
