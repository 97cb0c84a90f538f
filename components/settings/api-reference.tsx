import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import type { TOpenApi } from "@/lib/api-docs/openapi";

type TSchema = {
  type?: string | string[];
  properties?: Record<string, TSchema>;
  required?: string[];
  enum?: unknown[];
  format?: string;
  description?: string;
  items?: TSchema;
  anyOf?: TSchema[];
};

function typeOf(s: TSchema): string {
  if (s.enum) return s.enum.map((v) => JSON.stringify(v)).join(" | ");
  if (s.anyOf) return [...new Set(s.anyOf.map(typeOf))].join(" | ");
  const t = Array.isArray(s.type)
    ? s.type.filter((x) => x !== "null").join(" | ")
    : (s.type ?? "any");
  if (t === "array" && s.items) return `${typeOf(s.items)}[]`;
  return s.format ? `${t} (${s.format})` : t;
}

/** The API's base path, shown as code. */
const API_BASE = "/api/v1";

function Fields({ schema }: { schema: TSchema }) {
  const t = useTranslations("settings.api");
  const props = Object.entries(schema.properties ?? {});
  if (!props.length) return null;
  return (
    <table className="mt-3 w-full text-left text-sm">
      <thead>
        <tr className="text-xs uppercase tracking-wide text-slate-500">
          <th className="py-1 pr-4 font-medium">{t("field")}</th>
          <th className="py-1 pr-4 font-medium">{t("type")}</th>
          <th className="py-1 font-medium">{t("notes")}</th>
        </tr>
      </thead>
      <tbody>
        {props.map(([name, s]) => (
          <tr key={name} className="border-t border-slate-100 align-top">
            <td className="py-1.5 pr-4 font-mono text-xs">
              {name}
              {schema.required?.includes(name) ? (
                <span className="ml-1 text-red-600">*</span>
              ) : null}
            </td>
            <td className="py-1.5 pr-4 font-mono text-xs text-slate-600">{typeOf(s)}</td>
            <td className="py-1.5 text-slate-600">{s.description ?? ""}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Renders the OpenAPI document the API serves, endpoint by endpoint, with a curl line for each. */
export function ApiReference({ doc, origin }: { doc: TOpenApi; origin: string }) {
  return (
    <div className="space-y-4">
      {Object.entries(doc.paths).flatMap(([path, item]) =>
        // Paths on another server (the SigV4-signed Pinpoint API) have their own card.
        ("servers" in item ? [] : Object.entries(item))
          .filter(([method]) => ["get", "post", "delete"].includes(method))
          .map(([method, op]) => {
            const o = op as {
              summary: string;
              description?: string;
              requestBody?: {
                content: { "application/json": { schema: TSchema; example?: unknown } };
              };
            };
            const body = o.requestBody?.content["application/json"];
            const url = `${origin}/api/v1${path.replace("{userId}", "user-42").replace("{messageId}", "3f2b…-message-id")}`;
            const curl = [
              `curl -X ${method.toUpperCase()} ${url}`,
              `  -H "Authorization: Bearer $WAYMARK_API_KEY"`,
              ...(body?.example
                ? [
                    `  -H "Content-Type: application/json"`,
                    `  -d '${JSON.stringify(body.example)}'`,
                  ]
                : []),
            ].join(" \\\n");
            return (
              <Card key={`${method} ${path}`} id={`${method}-${path}`}>
                <CardBody>
                  <h3 className="flex items-center gap-3 font-mono text-sm">
                    <Badge
                      tone={method === "get" ? "green" : method === "delete" ? "red" : "brand"}
                    >
                      {method.toUpperCase()}
                    </Badge>
                    {API_BASE}
                    {path}
                  </h3>
                  <p className="mt-2 font-medium">{o.summary}</p>
                  {o.description ? (
                    <p className="mt-1 text-sm text-slate-600">{o.description}</p>
                  ) : null}
                  {body ? <Fields schema={body.schema} /> : null}
                  <pre
                    className="mt-3 overflow-x-auto rounded-md bg-slate-900 p-3 text-xs text-slate-100"
                    tabIndex={0}
                  >
                    {curl}
                  </pre>
                </CardBody>
              </Card>
            );
          }),
      )}
    </div>
  );
}

export function SegmentSetup({ origin }: { origin: string }) {
  const host = origin.replace(/^https?:\/\//, "");
  const t = useTranslations("settings.api");
  const nodeSetup = `new Analytics({ writeKey: process.env.WAYMARK_API_KEY, host: "${origin}", path: "/api/v1/batch" })`;
  const browserSetup = `integrations: { "Segment.io": { apiHost: "${host}/api/v1", protocol: "${origin.startsWith("https") ? "https" : "http"}" } }`;
  return (
    <Card>
      <CardHeader title={t("segmentTitle")} description={t("segmentDescription")} />
      <CardBody className="space-y-3 text-sm">
        <p>{t("segmentNode")}</p>
        <pre
          className="overflow-x-auto rounded-md bg-slate-900 p-3 text-xs text-slate-100"
          tabIndex={0}
        >
          {nodeSetup}
        </pre>
        <p>{t("segmentBrowser")}</p>
        <pre
          className="overflow-x-auto rounded-md bg-slate-900 p-3 text-xs text-slate-100"
          tabIndex={0}
        >
          {browserSetup}
        </pre>
        <p>
          {t.rich("rudderstack", {
            url: `${origin}/api`,
            code: (chunks) => <code className="font-mono">{chunks}</code>,
          })}
        </p>
      </CardBody>
    </Card>
  );
}
