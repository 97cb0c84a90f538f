import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { Card, CardBody, CardHeader } from "@/components/ui/card";

/** Endpoints; what each takes and how it is verified are settings.feedback.takes/verified.<key>. */
const ROWS = ["sns", "sendgrid", "postmark", "mailgun", "resend", "dsn"] as const;

// Code shown as it is, in every language.
const PLACEHOLDERS = { endpoint: "{endpoint}", workspaceId: "{workspaceId}", token: "{token}" };
const RESPONSE = "{applied, duplicates, ignored, unknown, ignoredTypes}";

/** The delivery feedback endpoints, on the API page; the URLs with their secret are in Settings → Suppression. */
export async function FeedbackWebhooksCard({
  origin,
  slug,
  canManage,
}: {
  origin: string;
  slug: string;
  canManage: boolean;
}) {
  const t = await getTranslations("settings.feedback");
  const postLine = `POST ${origin}/api/webhooks/feedback/`;
  return (
    <Card data-testid="feedback-webhooks">
      <CardHeader title={t("title")} description={t("description")} />
      <CardBody className="space-y-3 text-sm">
        <p className="font-mono text-xs text-slate-700">
          {postLine}
          <span className="text-brand-700">{PLACEHOLDERS.endpoint}</span>/
          <span className="text-brand-700">{PLACEHOLDERS.workspaceId}</span>/
          <span className="text-brand-700">{PLACEHOLDERS.token}</span>
        </p>
        <table className="w-full text-left">
          <thead>
            <tr className="text-xs uppercase tracking-wide text-slate-500">
              <th className="py-1 pr-4 font-medium">{t("endpoint")}</th>
              <th className="py-1 pr-4 font-medium">{t("takes")}</th>
              <th className="py-1 font-medium">{t("verifiedBy")}</th>
            </tr>
          </thead>
          <tbody>
            {ROWS.map((key) => (
              <tr key={key} className="border-t border-slate-100 align-top">
                <td className="py-1.5 pr-4 font-mono text-xs">{key}</td>
                <td className="py-1.5 pr-4 text-slate-600">{t(`rows.${key}.takes`)}</td>
                <td className="py-1.5 text-slate-600">{t(`rows.${key}.verified`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="text-slate-600">
          {t.rich("answers", {
            response: RESPONSE,
            code: (chunks) => <code className="font-mono text-xs">{chunks}</code>,
          })}{" "}
          {canManage ? (
            <Link
              href={`/w/${slug}/settings/suppression`}
              className="font-medium text-brand-600 hover:underline"
            >
              {t("ownUrls")}
            </Link>
          ) : (
            t("adminFinds")
          )}
        </p>
      </CardBody>
    </Card>
  );
}
