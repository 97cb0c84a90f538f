import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { requireWorkspace } from "@/app/_server/require-workspace";
import { EventHistoryUpload } from "@/components/pinpoint/event-history-upload";
import { PinpointImportForm } from "@/components/pinpoint/pinpoint-import-form";
import { Card, CardBody, CardHeader } from "@/components/ui/card";

export async function generateMetadata() {
  return { title: (await getTranslations("pinpoint.import"))("pageTitle") };
}

export default async function PinpointImportPage({
  params,
}: PageProps<"/w/[workspace]/settings/pinpoint">) {
  const { workspace, can } = await requireWorkspace((await params).workspace);
  if (!can("manage")) notFound();
  const t = await getTranslations("pinpoint.import");
  return (
    <Card className="max-w-4xl">
      <CardHeader title={t("pageTitle")} description={t("pageDescription")} />
      <CardBody>
        <PinpointImportForm slug={workspace.slug} />
        <EventHistoryUpload slug={workspace.slug} />
      </CardBody>
    </Card>
  );
}
