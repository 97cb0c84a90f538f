import { notFound } from "next/navigation";
import { requireWorkspace } from "@/app/_server/require-workspace";
import { RetentionForm } from "@/components/settings/retention-form";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EXECUTOR_RETENTION_DAYS, retentionOf } from "@/lib/retention/retention-settings";

export const metadata = { title: "Data retention" };

export default async function DataSettingsPage({
  params,
}: PageProps<"/w/[workspace]/settings/data">) {
  const { workspace, can } = await requireWorkspace((await params).workspace);
  if (!can("manage")) notFound();
  const days = await retentionOf(workspace.id);
  return (
    <Card className="max-w-2xl">
      <CardHeader
        title="Data retention"
        description="Data older than these periods is deleted every hour, a little at a time. Leave a field empty to keep that data forever."
      />
      <CardBody className="space-y-6">
        <RetentionForm slug={workspace.slug} days={days} />
        <p className="text-sm text-slate-600">
          Journey run history (each step a contact went through) is kept {EXECUTOR_RETENTION_DAYS}{" "}
          days after the run ends, for every workspace on this installation. The journey entry and
          its messages stay.
        </p>
      </CardBody>
    </Card>
  );
}
