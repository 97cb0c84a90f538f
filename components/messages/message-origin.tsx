import { FlaskConical, KeyRound, Megaphone, Route, Send } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import type { TOriginView } from "@/lib/messages/log/message-origin";

const ICON = {
  journey: Route,
  campaign: Megaphone,
  test: FlaskConical,
  api: KeyRound,
  other: Send,
};

export function MessageOrigin({ origin }: { origin: TOriginView }) {
  const t = useTranslations("messages.origin");
  const Icon = ICON[origin.kind];
  const label = (
    <span className="inline-flex items-center gap-1">
      <Icon className="size-3.5 text-slate-400" aria-hidden="true" />
      {origin.labelKey ? t(origin.labelKey) : origin.label}
    </span>
  );
  return (
    <span className="inline-flex flex-col">
      {origin.href ? (
        <Link href={origin.href} className="relative z-10 hover:text-brand-700 hover:underline">
          {label}
        </Link>
      ) : (
        label
      )}
      {origin.detail ? <span className="text-xs text-slate-400">{origin.detail}</span> : null}
    </span>
  );
}
