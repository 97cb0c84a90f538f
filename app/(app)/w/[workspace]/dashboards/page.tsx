import { requireWorkspace } from "@/app/_server/require-workspace";
import { AREAS, AreaPlaceholder } from "@/components/app/area-placeholder";

export const metadata = { title: AREAS.dashboards.title };

export default async function Page({ params }: PageProps<"/w/[workspace]/dashboards">) {
  await requireWorkspace((await params).workspace);
  return <AreaPlaceholder area="dashboards" />;
}
