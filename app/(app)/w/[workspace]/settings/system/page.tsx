import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { requireWorkspace } from "@/app/_server/require-workspace";
import { RunsByFunctionChart } from "@/components/settings/system/runs-by-function-chart";
import { SystemFigures } from "@/components/settings/system/system-figures";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { cachedReadiness } from "@/lib/health/check-readiness";
import { readSystemSnapshot } from "@/lib/metrics/system-snapshot";
import { isOperator } from "@/lib/operators/is-operator";

export async function generateMetadata() {
  return { title: (await getTranslations("settings.system"))("title") };
}
export const dynamic = "force-dynamic";

export default async function SystemStatusPage({
  params,
}: PageProps<"/w/[workspace]/settings/system">) {
  const { user, can } = await requireWorkspace((await params).workspace);
  if (!can("manage")) notFound();
  const t = await getTranslations("settings.system");
  if (!(await isOperator(user)))
    return (
      <Card className="max-w-2xl">
        <CardHeader title={t("title")} description={t("operatorsOnly")} />
        <CardBody className="text-sm text-slate-600">
          {t.rich("askOperator", {
            code: (chunks) => <code>{chunks}</code>,
            variable: "WAYMARK_OPERATOR_EMAILS",
          })}
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
          title={t("runsTitle")}
          description={snapshot.executor === "local" ? t("runsLocal") : t("runsInngest")}
        />
        <CardBody>
          {byFunction.size ? (
            <RunsByFunctionChart rows={[...byFunction.values()]} />
          ) : (
            <p className="text-sm text-slate-500">{t("noRuns")}</p>
          )}
        </CardBody>
      </Card>
    </div>
  );
}
