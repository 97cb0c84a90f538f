import { getLocale, getTranslations } from "next-intl/server";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { publicOrigin } from "@/app/_server/public-url";
import { requireWorkspace } from "@/app/_server/require-workspace";
import { CopyField } from "@/components/settings/copy-field";
import { DeliverabilityForm } from "@/components/settings/suppression/deliverability-form";
import { SuppressionTable } from "@/components/settings/suppression/suppression-table";
import { SuppressionTools } from "@/components/settings/suppression/suppression-tools";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { countSuppressions, listSuppressions } from "@/db/queries/suppressions";
import { formatNumber } from "@/lib/format/numbers";
import {
  describeDeliverabilitySettings,
  feedbackToken,
} from "@/lib/deliverability/deliverability-settings";
import {
  suppressionReasonLabel,
  suppressionSourceLabel,
} from "@/lib/deliverability/suppression-labels";

export async function generateMetadata() {
  return { title: (await getTranslations("settings.tabs"))("suppression") };
}

const SHOWN = 200;

/** Feedback endpoints; each one's label is settings.suppression.endpoints.<key>. */
const ENDPOINTS = ["sns", "sendgrid", "postmark", "mailgun", "resend", "dsn"] as const;

export default async function SuppressionSettingsPage({
  params,
  searchParams,
}: PageProps<"/w/[workspace]/settings/suppression">) {
  const { workspace, can } = await requireWorkspace((await params).workspace);
  if (!can("manage")) notFound();
  const qRaw = (await searchParams).q;
  const q = (typeof qRaw === "string" ? qRaw : "").slice(0, 200);
  const [rows, total, settings] = await Promise.all([
    listSuppressions(workspace.id, { q, limit: SHOWN }),
    countSuppressions(workspace.id),
    describeDeliverabilitySettings(workspace.id),
  ]);
  const origin = publicOrigin(await headers());
  const token = feedbackToken(workspace.id);
  const locale = await getLocale();
  const t = await getTranslations("settings.suppression");
  return (
    <div className="space-y-6">
      <Card>
        <CardHeader
          title={t("title")}
          description={t("description", {
            limit: settings.softBounceLimit,
            window: settings.softBounceWindowDays,
            days: settings.softBounceSuppressDays,
            total: formatNumber(total, locale),
            shown: rows.length < total ? formatNumber(rows.length, locale) : "all",
          })}
        />
        <SuppressionTools slug={workspace.slug} q={q} />
        <SuppressionTable
          slug={workspace.slug}
          rows={rows.map((s) => ({
            id: s.id,
            channel: s.channel,
            address: s.address,
            reason: s.reason,
            reasonLabel: t.has(`reasons.${s.reason}` as "reasons.manual")
              ? t(`reasons.${s.reason}` as "reasons.manual")
              : suppressionReasonLabel(s.reason),
            // Provider names stay as they are; only Waymark's own sources are worded.
            sourceLabel: t.has(`sources.${s.source}` as "sources.manual")
              ? t(`sources.${s.source}` as "sources.manual")
              : suppressionSourceLabel(s.source),
            createdAt: s.createdAt.toISOString(),
            expiresAt: s.expiresAt?.toISOString() ?? null,
            diagnostic: typeof s.detail.diagnostic === "string" ? s.detail.diagnostic : null,
          }))}
        />
      </Card>
      <Card>
        <CardHeader title={t("feedbackTitle")} description={t("feedbackDescription")} />
        <CardBody className="space-y-3">
          {ENDPOINTS.map((key) => (
            <div key={key} data-testid={`feedback-url-${key}`}>
              <p className="mb-1 text-sm font-medium text-slate-700">{t(`endpoints.${key}`)}</p>
              <CopyField
                label={t("urlOf", { name: t(`endpoints.${key}`) })}
                value={`${origin}/api/webhooks/feedback/${key}/${workspace.id}/${token}`}
              />
            </div>
          ))}
        </CardBody>
      </Card>
      <Card className="max-w-3xl">
        <CardHeader title={t("keysTitle")} description={t("keysDescription")} />
        <CardBody>
          <DeliverabilityForm slug={workspace.slug} settings={settings} />
        </CardBody>
      </Card>
    </div>
  );
}
