import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { useExitReasonLabel } from "@/components/app/use-labels";
import { Table, Td, Th } from "@/components/ui/table";
import type { TRunRow } from "@/db/queries/journey-runs";
import { formatDateTime, formatRelative } from "@/lib/format/dates";
import type { TOriginNames } from "@/lib/journeys/runs/step-name-lookup";
import { RunStatusBadge } from "./run-status-badge";

const dash = <span className="text-slate-400">—</span>;

export function RunsTable({
  slug,
  rows,
  timeZone,
  names = () => ({}),
}: {
  slug: string;
  rows: TRunRow[];
  timeZone: string;
  /** Published step names, so "Current step" reads "Wait 1 day", not a node id. */
  names?: TOriginNames;
}) {
  const now = new Date();
  const locale = useLocale();
  const t = useTranslations("journeys.runs");
  const exitReason = useExitReasonLabel();
  return (
    // Dates and badges stay on one line; names, steps and exit reasons wrap, so the table fits a
    // 1280-px laptop with long journey and step names (it scrolled sideways before).
    <Table className="[&_td]:px-3 [&_td:first-child]:pl-5 [&_td:last-child]:pr-5 [&_th]:px-3 [&_th:first-child]:pl-5 [&_th:last-child]:pr-5">
      <thead>
        <tr>
          <Th>{t("contact")}</Th>
          <Th>{t("journey")}</Th>
          <Th>{t("status")}</Th>
          <Th>{t("currentStep")}</Th>
          <Th>{t("entered")}</Th>
          <Th>{t("ended")}</Th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          // The contact's link covers the row, so a click anywhere opens the run.
          <tr key={r.id} className="relative hover:bg-slate-50" data-testid="run-row">
            <Td className="max-w-60">
              <Link
                href={`/w/${slug}/journeys/runs/${r.id}`}
                className="after:absolute after:inset-0 focus-visible:outline-none"
              >
                <div className="truncate font-medium text-slate-900 hover:text-brand-700">
                  {r.contactUserId ?? t("anonymous")}
                </div>
              </Link>
              <div className="truncate text-xs text-slate-500">{r.contactEmail ?? ""}</div>
            </Td>
            <Td className="min-w-36 max-w-64 text-slate-700">
              {r.journeyName}{" "}
              <span className="whitespace-nowrap text-xs text-slate-500">
                {t("version", { n: r.version })}
              </span>
            </Td>
            <Td className="whitespace-nowrap">
              <RunStatusBadge status={r.status} executorStatus={r.executorStatus} />
            </Td>
            <Td className="min-w-32 max-w-56 text-slate-700" data-testid="run-current-step">
              {r.currentNodeId
                ? (names(r.journeyId, r.version, r.currentNodeId).step ?? (
                    <span className="font-mono text-xs">{r.currentNodeId}</span>
                  ))
                : dash}
            </Td>
            <Td
              className="whitespace-nowrap text-slate-700"
              title={formatRelative(r.enteredAt, now, locale)}
            >
              <time dateTime={r.enteredAt.toISOString()}>
                {formatDateTime(r.enteredAt, timeZone, locale)}
              </time>
            </Td>
            <Td className="text-slate-700">
              {r.exitedAt ? (
                <>
                  <time className="whitespace-nowrap" dateTime={r.exitedAt.toISOString()}>
                    {formatDateTime(r.exitedAt, timeZone, locale)}
                  </time>
                  {r.exitReason ? (
                    <span className="block text-xs text-slate-500">{exitReason(r.exitReason)}</span>
                  ) : null}
                </>
              ) : (
                dash
              )}
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
