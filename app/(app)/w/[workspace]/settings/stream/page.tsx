import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requireWorkspace } from "@/app/_server/require-workspace";
import { StreamDestinationCard } from "@/components/settings/stream/destination-card";
import { AddDestination } from "@/components/settings/stream/add-destination";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { listStreamDeadLetters } from "@/db/queries/stream-destinations";
import { listExportFiles } from "@/lib/stream/export-files";
import { formatDateTime } from "@/lib/format/dates";
import { listDestinations } from "@/lib/stream/manage-destinations";

export async function generateMetadata() {
  return { title: (await getTranslations("settings.tabs"))("stream") };
}

export default async function StreamSettingsPage({
  params,
}: PageProps<"/w/[workspace]/settings/stream">) {
  const { workspace, can } = await requireWorkspace((await params).workspace);
  // Destinations receive every contact's events: admins only, like channel providers.
  if (!can("manage")) notFound();
  const slug = workspace.slug;
  const destinations = await listDestinations(workspace.id);
  const details = await Promise.all(
    destinations.map(async (d) => ({
      deadLetters: await listStreamDeadLetters(workspace.id, d.id, 20),
      files:
        d.kind === "ndjson"
          ? await listExportFiles(
              workspace.id,
              { destinationId: d.id, limit: 24 },
              `/api/w/${slug}/stream/destinations`,
            )
          : [],
    })),
  );
  const locale = await getLocale();
  const t = await getTranslations("settings.stream");
  const tc = await getTranslations("common");
  const when = (d: Date | string | null) =>
    d ? formatDateTime(new Date(d), workspace.timezone, locale) : tc("never");
  return (
    <div className="space-y-6">
      <Card>
        <CardHeader
          title={t("title")}
          description={t("description")}
          actions={<AddDestination slug={slug} />}
        />
        {destinations.length ? null : (
          <CardBody>
            <p className="text-sm text-slate-500" data-testid="no-destinations">
              {t("empty")}
            </p>
          </CardBody>
        )}
      </Card>
      {destinations.map((d, i) => (
        <StreamDestinationCard
          key={d.id}
          slug={slug}
          destination={{
            id: d.id,
            name: d.name,
            kind: d.kind,
            format: d.format,
            status: d.status,
            target:
              d.kind === "webhook"
                ? String(d.settings.url ?? "")
                : t("filePer", { period: String(d.settings.period ?? "hour") }),
            delivered: d.deliveredCount,
            lastDelivered: when(d.lastDeliveredAt),
            failing: d.failingSince
              ? {
                  since: when(d.failingSince),
                  attempts: d.attempts,
                  next: when(d.nextAttemptAt),
                  error: d.lastError ?? "",
                }
              : null,
          }}
          deadLetters={details[i]!.deadLetters.map((l) => ({
            id: l.id,
            events: l.eventCount,
            attempts: l.attempts,
            error: l.error ?? "",
            failedSince: when(l.firstFailedAt),
          }))}
          files={details[i]!.files.map((f) => ({
            name: f.name,
            url: f.url,
            events: f.events,
            bytes: f.bytes,
            updated: when(f.updatedAt),
          }))}
        />
      ))}
    </div>
  );
}
