import { notFound } from "next/navigation";
import { requireWorkspace } from "@/app/_server/require-workspace";
import { RunsByFunctionChart } from "@/components/settings/system/runs-by-function-chart";
import { SystemFigures } from "@/components/settings/system/system-figures";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { cachedReadiness } from "@/lib/health/check-readiness";
import { readSystemSnapshot } from "@/lib/metrics/system-snapshot";
import { isOperator } from "@/lib/operators/is-operator";

export const metadata = { title: "System status" };
export const dynamic = "force-dynamic";

export default async function SystemStatusPage({
  params,
}: PageProps<"/w/[workspace]/settings/system">) {
  const { user, can } = await requireWorkspace((await params).workspace);
  if (!can("manage")) notFound();
  if (!(await isOperator(user)))
    return (
      <Card className="max-w-2xl">
        <CardHeader
          title="System status"
          description="This page shows the whole instance (every workspace's queue and providers), so only its operators see it."
        />
        <CardBody className="text-sm text-slate-600">
          Ask whoever runs this Waymark to add your email to <code>WAYMARK_OPERATOR_EMAILS</code>.
        </CardBody>
      </Card>
    );
  const [snapshot, readiness] = await Promise.all([readSystemSnapshot(), cachedReadiness()]);
  const byFunction = new Map<string, Record<string, string | number>>();
  for (const r of snapshot.runs) {
    const fn = r.functionId.replace(/^waymark-/, "");
    const row = byFunction.get(fn) ?? { fn };
    row[r.status] = r.n;
    byFunction.set(fn, row);
  }
  return (
    <div className="space-y-6">
      <SystemFigures snapshot={snapshot} readiness={readiness} />
      <Card>
        <CardHeader
          title="Executor runs by function"
          description={
            snapshot.executor === "local"
              ? "Every run the built-in executor holds, by status. Queued and waiting runs are work still to do."
              : "Inngest runs the functions: its dashboard shows their runs."
          }
        />
        <CardBody>
          {byFunction.size ? (
            <RunsByFunctionChart rows={[...byFunction.values()]} />
          ) : (
            <p className="text-sm text-slate-500">No runs yet.</p>
          )}
        </CardBody>
      </Card>
    </div>
  );
}
