import { useLocale, useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { formatNumber } from "@/lib/format/numbers";
import { DestinationActions, ReplayButton } from "./destination-actions";

type TProps = {
  slug: string;
  destination: {
    id: string;
    name: string;
    kind: string;
    format: string;
    status: string;
    target: string;
    delivered: number;
    lastDelivered: string;
    failing: { since: string; attempts: number; next: string; error: string } | null;
  };
  deadLetters: {
    id: string;
    events: number;
    attempts: number;
    error: string;
    failedSince: string;
  }[];
  files: { name: string; url: string; events: number; bytes: number; updated: string }[];
};

function StatusBadge({ status, failing }: { status: string; failing: boolean }) {
  const t = useTranslations("settings.stream.status");
  if (status === "paused") return <Badge tone="neutral">{t("paused")}</Badge>;
  if (failing) return <Badge tone="amber">{t("retrying")}</Badge>;
  return <Badge tone="green">{t("active")}</Badge>;
}

/** One destination: where it sends, how it is doing, its dead letters and (exports) its files. */
export function StreamDestinationCard({ slug, destination: d, deadLetters, files }: TProps) {
  const t = useTranslations("settings.stream");
  const tc = useTranslations("common");
  const locale = useLocale();
  const kindLabel =
    d.kind === "webhook"
      ? t("kindLabel.webhook")
      : d.kind === "ndjson"
        ? t("kindLabel.ndjson")
        : d.kind;
  return (
    <Card data-testid={`destination-${d.name}`}>
      <CardHeader
        title={d.name}
        description={`${kindLabel} · ${d.format === "pinpoint" ? t("pinpointRecords") : t("formatWaymark")}`}
        actions={<StatusBadge status={d.status} failing={!!d.failing} />}
      />
      <CardBody className="space-y-4">
        <div className="grid gap-4 md:grid-cols-[1fr_auto]">
          <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
            <dt className="text-slate-500">{d.kind === "webhook" ? t("url") : t("files")}</dt>
            <dd className="break-all font-mono text-xs leading-5 text-slate-800">{d.target}</dd>
            <dt className="text-slate-500">{t("delivered")}</dt>
            <dd data-testid="delivered-count">
              {t("deliveredCount", {
                count: d.delivered,
                n: formatNumber(d.delivered, locale),
                last: d.lastDelivered,
              })}
            </dd>
            {d.failing ? (
              <>
                <dt className="text-slate-500">{t("failing")}</dt>
                <dd className="text-amber-800" data-testid="failing">
                  {t("failingSince", {
                    since: d.failing.since,
                    attempts: d.failing.attempts,
                    next: d.failing.next,
                  })}{" "}
                  {d.failing.error}
                </dd>
              </>
            ) : null}
          </dl>
          <DestinationActions
            slug={slug}
            id={d.id}
            name={d.name}
            status={d.status}
            testable={d.kind !== "ndjson"}
          />
        </div>
        {deadLetters.length ? (
          <div data-testid="dead-letters">
            <h3 className="mb-2 text-sm font-semibold text-slate-800">
              {t("deadLetters", { n: deadLetters.length })}
            </h3>
            <Table>
              <thead>
                <tr>
                  <Th>{t("failedSince")}</Th>
                  <Th>{t("events")}</Th>
                  <Th>{t("attempts")}</Th>
                  <Th>{t("lastError")}</Th>
                  <Th className="text-right">{tc("actions")}</Th>
                </tr>
              </thead>
              <tbody>
                {deadLetters.map((l) => (
                  <tr key={l.id}>
                    <Td>{l.failedSince}</Td>
                    <Td>{l.events}</Td>
                    <Td>{l.attempts}</Td>
                    <Td className="text-slate-600">{l.error}</Td>
                    <Td className="text-right">
                      <ReplayButton slug={slug} id={l.id} />
                    </Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </div>
        ) : null}
        {d.kind === "ndjson" ? (
          <div data-testid="export-files">
            <h3 className="mb-2 text-sm font-semibold text-slate-800">{t("files")}</h3>
            {files.length ? (
              <Table>
                <thead>
                  <tr>
                    <Th>{t("file")}</Th>
                    <Th>{t("events")}</Th>
                    <Th>{t("size")}</Th>
                    <Th>{tc("updated")}</Th>
                  </tr>
                </thead>
                <tbody>
                  {files.map((f) => (
                    <tr key={f.url}>
                      <Td>
                        <a
                          className="font-mono text-xs text-brand-600 hover:underline"
                          href={f.url}
                          download
                        >
                          {f.name}
                        </a>
                      </Td>
                      <Td>{formatNumber(f.events, locale)}</Td>
                      <Td>{t("kb", { n: (f.bytes / 1024).toFixed(1) })}</Td>
                      <Td>{f.updated}</Td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            ) : (
              <p className="text-sm text-slate-500">{t("noFiles")}</p>
            )}
          </div>
        ) : null}
      </CardBody>
    </Card>
  );
}
