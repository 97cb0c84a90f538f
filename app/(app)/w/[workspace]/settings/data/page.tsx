import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { requireWorkspace } from "@/app/_server/require-workspace";
import { RetentionForm } from "@/components/settings/retention-form";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EXECUTOR_RETENTION_DAYS, retentionOf } from "@/lib/retention/retention-settings";

export async function generateMetadata() {
  return { title: (await getTranslations("settings.data"))("title") };
}

export default async function DataSettingsPage({
  params,
}: PageProps<"/w/[workspace]/settings/data">) {
  const { workspace, can } = await requireWorkspace((await params).workspace);
  if (!can("manage")) notFound();
  const days = await retentionOf(workspace.id);
  const t = await getTranslations("settings.data");
  return (
    <Card className="max-w-2xl">
      <CardHeader title={t("title")} description={t("description")} />
      <CardBody className="space-y-6">
        <RetentionForm slug={workspace.slug} days={days} />
        <p className="text-sm text-slate-600">
          {t("runHistory", { days: EXECUTOR_RETENTION_DAYS })}
        </p>
      </CardBody>
    </Card>
  );
}
