import { useLocale, useTranslations } from "next-intl";
import { Card, CardHeader } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { formatDateTime } from "@/lib/format/dates";

type TToken = { token: string; platform: string; lastSeenAt: Date };

/** Push tokens (middle elided: they are long and secret-ish) and the anonymous ids merged into this contact. */
export function DevicesCard({
  tokens,
  anonymousIds,
  timeZone,
}: {
  tokens: TToken[];
  anonymousIds: string[];
  timeZone: string;
}) {
  const elide = (t: string) => (t.length > 20 ? `${t.slice(0, 8)}…${t.slice(-6)}` : t);
  const locale = useLocale();
  const tr = useTranslations("contacts.devices");
  return (
    <Card>
      <CardHeader title={tr("title")} />
      <div className="space-y-4 px-5 py-4 text-sm">
        <section>
          <h3 className="text-xs font-medium uppercase tracking-wide text-slate-500">
            {tr("pushTokens")}
          </h3>
          {tokens.length ? (
            <ul className="mt-1 space-y-2">
              {tokens.map((t) => (
                <li key={t.token}>
                  <span className="flex min-w-0 items-center gap-2">
                    <Badge>{t.platform}</Badge>
                    <span className="truncate font-mono text-xs text-slate-700" title={t.token}>
                      {elide(t.token)}
                    </span>
                  </span>
                  <span className="mt-0.5 block text-xs text-slate-500">
                    {tr("lastSeen", { at: formatDateTime(t.lastSeenAt, timeZone, locale) })}
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="mt-1 text-slate-500">{tr("noTokens")}</p>
          )}
        </section>
        <section>
          <h3 className="text-xs font-medium uppercase tracking-wide text-slate-500">
            {tr("anonymousIds")}
          </h3>
          {anonymousIds.length ? (
            <ul className="mt-1 space-y-1">
              {anonymousIds.map((a) => (
                <li key={a} className="truncate font-mono text-xs text-slate-700">
                  {a}
                </li>
              ))}
            </ul>
          ) : (
            <p className="mt-1 text-slate-500">{tr("noneLinked")}</p>
          )}
        </section>
      </div>
    </Card>
  );
}
