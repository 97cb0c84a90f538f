import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { useChannelLabel, useExitReasonLabel } from "@/components/app/use-labels";
import { MessageStatusBadge } from "@/components/messages/message-status-badge";
import { Table, Td, Th } from "@/components/ui/table";
import type { TJourneyRunDetail } from "@/db/queries/journey-runs";
import { formatDateTime } from "@/lib/format/dates";
import type { TMessageStatus } from "@/lib/messages/log/message-log-params";

type TNodes = Map<string, { kind: string; summary: string }>;

/** A stored id (an outcome, an exit reason) in words, for one the catalogue does not know. */
const words = (id: string) => id.replace(/_/g, " ");

/** A node kind's name ("Send message"), or the kind as it is. */
function useKindLabel() {
  const t = useTranslations("journeys.kinds");
  return (kind: string | undefined) =>
    kind === undefined
      ? ""
      : t.has(`${kind}.label` as "send.label")
        ? t(`${kind}.label` as "send.label")
        : words(kind);
}

/** The nodes the contact passed, in order, then where it stands now. */
export function RunHistory({
  run,
  nodes,
  timeZone,
}: {
  run: TJourneyRunDetail;
  nodes: TNodes;
  timeZone: string;
}) {
  const { visits, entry } = run;
  const failed = run.executor?.status === "failed";
  const label = (nodeId: string) => nodes.get(nodeId)?.summary ?? nodeId;
  const locale = useLocale();
  const t = useTranslations("journeys.runs");
  const kind = useKindLabel();
  const exitReason = useExitReasonLabel();
  const state = (s: string) =>
    t.has(`state.${s}` as "state.active") ? t(`state.${s}` as "state.active") : s;
  return (
    <ol className="relative space-y-3 border-l border-slate-200 pl-5" data-testid="run-history">
      {visits.map((v) => (
        <li key={v.nodeId} className="relative" data-testid="run-visit">
          <span
            className="absolute -left-[25px] top-1.5 size-2.5 rounded-full bg-brand-500 ring-2 ring-white"
            aria-hidden="true"
          />
          <div className="flex flex-wrap items-baseline gap-x-2 text-sm">
            <span className="font-medium text-slate-900">{label(v.nodeId)}</span>
            <span className="font-mono text-xs text-slate-500">{v.nodeId}</span>
            <span className="text-xs text-slate-500">{kind(nodes.get(v.nodeId)?.kind)}</span>
          </div>
          <div className="text-xs text-slate-600">
            → <span className="font-medium">{words(v.outcome)}</span> ·{" "}
            <time dateTime={v.passedAt.toISOString()}>
              {formatDateTime(v.passedAt, timeZone, locale)}
            </time>
          </div>
        </li>
      ))}
      {entry.status === "active" && entry.currentNodeId ? (
        <li className="relative" data-testid="run-current">
          <span
            className={`absolute -left-[25px] top-1.5 size-2.5 rounded-full ring-2 ring-white ${failed ? "bg-red-500" : "animate-pulse bg-amber-500"}`}
            aria-hidden="true"
          />
          <div className="text-sm">
            <span className="font-medium text-slate-900">{label(entry.currentNodeId)}</span>{" "}
            {failed ? (
              <span className="text-xs font-medium text-red-700">{t("failedHere")}</span>
            ) : (
              <span className="text-xs text-slate-500">{t("nowHere")}</span>
            )}
          </div>
        </li>
      ) : null}
      {entry.exitedAt ? (
        <li className="relative">
          <span
            className="absolute -left-[25px] top-1.5 size-2.5 rounded-full bg-slate-400 ring-2 ring-white"
            aria-hidden="true"
          />
          <div className="text-sm text-slate-700">
            {t("endedAt", {
              reason: entry.exitReason ? exitReason(entry.exitReason) : state(entry.status),
            })}{" "}
            ·{" "}
            <time dateTime={entry.exitedAt.toISOString()}>
              {formatDateTime(entry.exitedAt, timeZone, locale)}
            </time>
          </div>
        </li>
      ) : null}
      {!visits.length && entry.status !== "active" && !entry.exitedAt ? (
        <li className="text-sm text-slate-500">{t("noSteps")}</li>
      ) : null}
    </ol>
  );
}

export function RunMessages({
  slug,
  run,
  nodes,
  timeZone,
}: {
  slug: string;
  run: TJourneyRunDetail;
  nodes: TNodes;
  timeZone: string;
}) {
  const locale = useLocale();
  const t = useTranslations("journeys.runs");
  const channel = useChannelLabel();
  if (!run.messages.length)
    return <p className="px-5 py-4 text-sm text-slate-500">{t("noMessages")}</p>;
  return (
    <Table className="whitespace-nowrap">
      <thead>
        <tr>
          <Th>{t("step")}</Th>
          <Th>{t("channel")}</Th>
          <Th>{t("recipient")}</Th>
          <Th>{t("status")}</Th>
          <Th>{t("time")}</Th>
        </tr>
      </thead>
      <tbody>
        {run.messages.map((m) => (
          <tr key={m.id} data-testid="run-message">
            <Td>
              <Link href={`/w/${slug}/messages/${m.id}`} className="text-brand-600 hover:underline">
                {nodes.get(m.nodeId)?.summary ?? m.nodeId}
              </Link>
            </Td>
            <Td>{channel(m.channel)}</Td>
            <Td className="text-slate-700">{m.recipient ?? "—"}</Td>
            <Td>
              <MessageStatusBadge
                status={m.status as TMessageStatus}
                reason={m.reason}
                showReason
              />
            </Td>
            <Td className="text-slate-700">{formatDateTime(m.createdAt, timeZone, locale)}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
