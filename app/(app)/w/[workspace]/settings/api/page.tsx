import { getTranslations } from "next-intl/server";
import { headers } from "next/headers";
import Link from "next/link";
import { publicOrigin } from "@/app/_server/public-url";
import { requireWorkspace } from "@/app/_server/require-workspace";
import { ApiReference, SegmentSetup } from "@/components/settings/api-reference";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { FeedbackWebhooksCard } from "@/components/settings/feedback-webhooks-card";
import { PinpointSetup } from "@/components/settings/pinpoint-setup";
import { buildOpenApi } from "@/lib/api-docs/openapi";

export async function generateMetadata() {
  return { title: (await getTranslations("settings.tabs"))("api") };
}

export default async function ApiPage({ params }: PageProps<"/w/[workspace]/settings/api">) {
  const { workspace, can } = await requireWorkspace((await params).workspace);
  const origin = publicOrigin(await headers());
  const t = await getTranslations("settings.api");
  return (
    <div className="space-y-6">
      <Card>
        <CardHeader
          title={t("title")}
          description={t("description", { workspace: workspace.name })}
        />
        <CardBody className="flex flex-wrap items-center gap-x-6 gap-y-2 text-sm">
          <Link
            href={`/w/${workspace.slug}/settings/api-keys`}
            className="font-medium text-brand-600 hover:underline"
          >
            {t("getKey")}
          </Link>
          <a href="/api/v1/openapi.json" className="font-medium text-brand-600 hover:underline">
            {t("openApi")}
          </a>
        </CardBody>
      </Card>
      <SegmentSetup origin={origin} />
      <PinpointSetup
        origin={origin}
        slug={workspace.slug}
        workspaceIdHex={workspace.id.replaceAll("-", "")}
        applicationId={workspace.pinpointApplicationId}
        canManage={can("manage")}
      />
      <FeedbackWebhooksCard origin={origin} slug={workspace.slug} canManage={can("manage")} />
      <ApiReference doc={buildOpenApi()} origin={origin} />
    </div>
  );
}
