"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Switch } from "@/components/ui/switch";
import { useApiMutation } from "@/components/app/use-api-mutation";
import type { TSubscriptionChannel } from "@/lib/contacts/channel-labels";
import { ErrorAlert } from "@/components/ui/error-alert";
import { useApiErrorText } from "@/components/app/use-api-error-text";

type TStatus = "subscribed" | "unsubscribed";

export type TChannelRow = {
  channel: TSubscriptionChannel;
  label: string;
  /** Null when the contact can receive it; else why not ("No phone number"). */
  unreachableReason: string | null;
  /** The channel's own choice; the global switch may still block it. */
  status: TStatus;
  /** "Opted out via SMS STOP keyword · 4 Mar 2026, 23:30", or how the default applies. */
  lastChange: string;
};

/**
 * The global switch and one per channel. On means the contact may receive messages there. The
 * switch shows the requested state while the change is saved; a failure puts it back and says why.
 * Remounted (keyed by the server's state) after every save, so nothing local outlives a refresh.
 */
export function ChannelToggles({
  url,
  global,
  channels,
  editable,
}: {
  url: string;
  global: TChannelRow;
  channels: TChannelRow[];
  editable: boolean;
}) {
  const t = useTranslations("contacts.channelToggles");
  const tc = useTranslations("common");
  const errorText = useApiErrorText();
  const [requested, setRequested] = useState<Partial<Record<TSubscriptionChannel, TStatus>>>({});
  const change = useApiMutation((body: { channel: TSubscriptionChannel; status: TStatus }) => ({
    url,
    method: "PUT",
    body,
  }));
  const statusOf = (r: TChannelRow) => requested[r.channel] ?? r.status;
  const globallyOut = statusOf(global) === "unsubscribed";

  const toggle = (r: TChannelRow, on: boolean) => {
    const status: TStatus = on ? "subscribed" : "unsubscribed";
    setRequested((s) => ({ ...s, [r.channel]: status }));
    change.mutate(
      { channel: r.channel, status },
      {
        onError: () =>
          setRequested((s) =>
            Object.fromEntries(Object.entries(s).filter(([c]) => c !== r.channel)),
          ),
      },
    );
  };

  const row = (r: TChannelRow, isGlobal: boolean) => {
    const on = statusOf(r) === "subscribed";
    const saving = change.isPending && change.variables?.channel === r.channel;
    const blocked = !isGlobal && globallyOut && on;
    return (
      <li
        key={r.channel}
        className="flex items-start justify-between gap-4 px-5 py-3"
        data-testid={`channel-${r.channel}`}
      >
        <div className="min-w-0">
          <div className="flex flex-wrap items-center gap-2">
            <span className="text-sm font-medium text-slate-900">{r.label}</span>
            {isGlobal ? null : r.unreachableReason ? (
              <Badge>{r.unreachableReason}</Badge>
            ) : (
              <Badge tone="green">{t("reachable")}</Badge>
            )}
            {on ? (
              blocked ? (
                <Badge tone="amber">{t("blocked")}</Badge>
              ) : null
            ) : (
              <Badge tone="red">{t("optedOut")}</Badge>
            )}
          </div>
          <p className="mt-0.5 text-xs text-slate-500">{saving ? tc("saving") : r.lastChange}</p>
        </div>
        {editable ? (
          <Switch
            aria-label={isGlobal ? t("global") : t("subscription", { channel: r.label })}
            checked={on}
            disabled={saving}
            onCheckedChange={(v) => toggle(r, v)}
            data-mutates
          />
        ) : null}
      </li>
    );
  };

  return (
    <>
      {change.error ? (
        <ErrorAlert variant="box" className="mx-5 mt-3">
          {t("couldNotChange", {
            channel:
              [global, ...channels].find((c) => c.channel === change.variables?.channel)?.label ??
              t("theChannel"),
            error: errorText(change.error),
          })}
        </ErrorAlert>
      ) : null}
      <ul className="divide-y divide-slate-100">
        {row(global, true)}
        {channels.map((c) => row(c, false))}
      </ul>
    </>
  );
}
