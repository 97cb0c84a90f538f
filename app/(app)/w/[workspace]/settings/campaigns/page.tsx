import { notFound } from "next/navigation";
import { requireWorkspace } from "@/app/_server/require-workspace";
import { CampaignDefaultsForm } from "@/components/settings/campaign-defaults-form";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { CAMPAIGN_LIMIT_DEFAULTS, campaignDefaultsOf } from "@/lib/campaigns/campaign-limits";

export const metadata = { title: "Campaign limits" };

export default async function CampaignSettingsPage({
  params,
}: PageProps<"/w/[workspace]/settings/campaigns">) {
  const { workspace, can } = await requireWorkspace((await params).workspace);
  if (!can("manage")) notFound();
  const limits = await campaignDefaultsOf(workspace.id);
  return (
    <Card className="max-w-2xl">
      <CardHeader
        title="Campaign limits"
        description="Every campaign takes these unless it sets its own. A run copies them when it starts, so a change applies to the next run."
      />
      <CardBody>
        <CampaignDefaultsForm
          slug={workspace.slug}
          limits={limits}
          builtIn={CAMPAIGN_LIMIT_DEFAULTS}
          timezone={workspace.timezone}
        />
      </CardBody>
    </Card>
  );
}
