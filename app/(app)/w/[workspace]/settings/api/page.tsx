import { headers } from "next/headers";
import Link from "next/link";
import { publicOrigin } from "@/app/_server/public-url";
import { requireWorkspace } from "@/app/_server/require-workspace";
import { ApiReference, SegmentSetup } from "@/components/settings/api-reference";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PinpointSetup } from "@/components/settings/pinpoint-setup";
import { buildOpenApi } from "@/lib/api-docs/openapi";

export const metadata = { title: "API" };

export default async function ApiPage({ params }: PageProps<"/w/[workspace]/settings/api">) {
  const { workspace, can } = await requireWorkspace((await params).workspace);
  const origin = publicOrigin(await headers());
  return (
    <div className="space-y-6">
      <Card>
        <CardHeader
          title="REST API"
          description={`Your apps send ${workspace.name}'s contacts and events here. Calls are idempotent by messageId.`}
        />
        <CardBody className="flex flex-wrap items-center gap-x-6 gap-y-2 text-sm">
          <Link
            href={`/w/${workspace.slug}/settings/api-keys`}
            className="font-medium text-brand-600 hover:underline"
          >
            Get an API key
          </Link>
          <a href="/api/v1/openapi.json" className="font-medium text-brand-600 hover:underline">
            OpenAPI 3.1 document
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
      <ApiReference doc={buildOpenApi()} origin={origin} />
    </div>
  );
}
