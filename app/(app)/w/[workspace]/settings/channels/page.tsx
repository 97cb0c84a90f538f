import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireWorkspace } from "@/app/_server/require-workspace";
import { ChannelRoutes } from "@/components/settings/channels/channel-routes";
import { providerSpecs } from "@/components/settings/channels/provider-fields";
import {
  awsProviderSpecs,
  sendRateFields,
} from "@/components/settings/channels/aws-provider-specs";
import { ProviderForm } from "@/components/settings/channels/provider-form";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { describeChannelRoutes } from "@/lib/channels/describe-channel-routes";
import { listRedactedProviders } from "@/lib/messages/send/configure-channel-provider";
import { AuditLogTable } from "@/components/settings/audit-log-table";
import { listAuditEntries } from "@/db/queries/audit-log";
import { describeAuditEntry } from "@/lib/audit/describe-audit-entry";
import { formatDateTime } from "@/lib/format/dates";

export async function generateMetadata() {
  return { title: (await getTranslations("settings.tabs"))("channels") };
}

/** Each AWS sender next to the provider it stands in for. */
const SPEC_ORDER = ["smtp", "ses", "twilio", "aws_sms", "fcm", "apns", "webhook"];

export default async function ChannelsSettingsPage({
  params,
}: PageProps<"/w/[workspace]/settings/channels">) {
  const { workspace, can } = await requireWorkspace((await params).workspace);
  const locale = await getLocale();
  const t = await getTranslations("settings.channelsPage");
  const audited = (e: Parameters<typeof describeAuditEntry>[0]) => {
    const m = describeAuditEntry(e);
    return t(`audit.${m.key}`, m.values);
  };
  // Provider settings decide where every message goes: not even a redacted view for non-admins.
  if (!can("manage")) notFound();
  const [providers, audit] = await Promise.all([
    listRedactedProviders(workspace.id),
    listAuditEntries(workspace.id, 50),
  ]);
  const configOf = (kind: string) => providers.find((p) => p.kind === kind)?.config ?? null;
  const tp = await getTranslations("channelProviders");
  const has = (k: string) => tp.has(k as Parameters<typeof tp.has>[0]);
  // The AWS senders, and every sending provider's rate and warm-up fields, worded from the catalogue.
  const specs = [...providerSpecs(tp, has), ...awsProviderSpecs(tp, has)]
    .sort((a, b) => SPEC_ORDER.indexOf(a.kind) - SPEC_ORDER.indexOf(b.kind))
    .map((spec) => ({ ...spec, fields: [...spec.fields, ...sendRateFields(tp, has, spec.kind)] }));
  return (
    <div className="space-y-6">
      <Card>
        <CardHeader
          title={t("title")}
          description={t("description")}
          actions={
            <Link
              href={`/w/${workspace.slug}/outbox`}
              className="whitespace-nowrap text-sm font-medium text-brand-600 hover:underline"
            >
              {t("openOutbox")}
            </Link>
          }
        />
        <CardBody>
          <ChannelRoutes routes={describeChannelRoutes(providers)} />
        </CardBody>
      </Card>
      {specs.map((spec) => {
        const config = configOf(spec.kind);
        return (
          <Card key={spec.kind} data-testid={`provider-${spec.kind}`}>
            <CardHeader
              title={spec.title}
              description={spec.description}
              actions={
                <Badge tone={config ? "green" : "neutral"} className="shrink-0 whitespace-nowrap">
                  {config ? t("configured") : t("notConfigured")}
                </Badge>
              }
            />
            <CardBody>
              <ProviderForm slug={workspace.slug} spec={spec} config={config} />
            </CardBody>
          </Card>
        );
      })}
      <Card data-testid="audit-log">
        <CardHeader title={t("auditTitle")} description={t("auditDescription")} />
        <AuditLogTable
          rows={audit.map((e) => ({
            id: e.id,
            when: formatDateTime(e.createdAt, workspace.timezone, locale),
            who: e.actorEmail ?? t("removedUser"),
            what: audited(e),
          }))}
        />
      </Card>
    </div>
  );
}
