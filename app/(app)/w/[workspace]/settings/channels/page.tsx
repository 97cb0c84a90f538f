import Link from "next/link";
import { notFound } from "next/navigation";
import { requireWorkspace } from "@/app/_server/require-workspace";
import { ChannelRoutes } from "@/components/settings/channels/channel-routes";
import { PROVIDER_SPECS } from "@/components/settings/channels/provider-fields";
import { ProviderForm } from "@/components/settings/channels/provider-form";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { describeChannelRoutes } from "@/lib/channels/describe-channel-routes";
import { listRedactedProviders } from "@/lib/messages/send/configure-channel-provider";
import { AuditLogTable } from "@/components/settings/audit-log-table";
import { listAuditEntries } from "@/db/queries/audit-log";
import { describeAuditEntry } from "@/lib/audit/describe-audit-entry";
import { formatDateTime } from "@/lib/format/dates";

export const metadata = { title: "Channels" };

export default async function ChannelsSettingsPage({
  params,
}: PageProps<"/w/[workspace]/settings/channels">) {
  const { workspace, can } = await requireWorkspace((await params).workspace);
  // Provider settings decide where every message goes: not even a redacted view for non-admins.
  if (!can("manage")) notFound();
  const [providers, audit] = await Promise.all([
    listRedactedProviders(workspace.id),
    listAuditEntries(workspace.id, 50),
  ]);
  const configOf = (kind: string) => providers.find((p) => p.kind === kind)?.config ?? null;
  return (
    <div className="space-y-6">
      <Card>
        <CardHeader
          title="Where messages go"
          description="A channel with no provider delivers nothing: its messages are recorded in the Outbox, where you can read them. In-app messages always land in the built-in inbox."
          actions={
            <Link
              href={`/w/${workspace.slug}/outbox`}
              className="whitespace-nowrap text-sm font-medium text-brand-600 hover:underline"
            >
              Open the Outbox
            </Link>
          }
        />
        <CardBody>
          <ChannelRoutes routes={describeChannelRoutes(providers)} />
        </CardBody>
      </Card>
      {PROVIDER_SPECS.map((spec) => {
        const config = configOf(spec.kind);
        return (
          <Card key={spec.kind} data-testid={`provider-${spec.kind}`}>
            <CardHeader
              title={spec.title}
              description={spec.description}
              actions={
                <Badge tone={config ? "green" : "neutral"} className="shrink-0 whitespace-nowrap">
                  {config ? "Configured" : "Not configured"}
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
        <CardHeader
          title="Audit log"
          description="Who changed where messages go. A provider pointed at a new host, URL or token URI needs its secret typed again; secrets are never shown here."
        />
        <AuditLogTable
          rows={audit.map((e) => ({
            id: e.id,
            when: formatDateTime(e.createdAt, workspace.timezone),
            who: e.actorEmail ?? "A removed user",
            what: describeAuditEntry(e),
          }))}
        />
      </Card>
    </div>
  );
}
