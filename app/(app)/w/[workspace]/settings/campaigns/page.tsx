import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { requireWorkspace } from "@/app/_server/require-workspace";
import { CampaignDefaultsForm } from "@/components/settings/campaign-defaults-form";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { CAMPAIGN_LIMIT_DEFAULTS, campaignDefaultsOf } from "@/lib/campaigns/campaign-limits";

export async function generateMetadata() {
  return { title: (await getTranslations("settings.campaigns"))("title") };
}

export default async function CampaignSettingsPage({
  params,
}: PageProps<"/w/[workspace]/settings/campaigns">) {
  const { workspace, can } = await requireWorkspace((await params).workspace);
  if (!can("manage")) notFound();
  const limits = await campaignDefaultsOf(workspace.id);
  const t = await getTranslations("settings.campaigns");
  return (
    <Card className="max-w-2xl">
      <CardHeader title={t("title")} description={t("description")} />
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
