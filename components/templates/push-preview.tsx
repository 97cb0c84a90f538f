"use client";
import { AuthorImage } from "./author-image";
import { Bell } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { formatClock, formatRelative, formatWeekdayDate } from "@/lib/format/dates";
import { useState } from "react";
import { PhoneFrame } from "./phone-frame";
import { SegmentedToggle } from "./segmented-toggle";

type TPush = {
  title: string;
  body: string;
  imageUrl?: string;
  deepLink?: string;
  data?: Record<string, string>;
};

/** The lock screen's clock: the 9:41 of product photos, on a fixed Monday, in the viewer's words. */
const LOCK_SCREEN_DATE = new Date("2026-11-23T09:41:00Z");

/** "now", "bây giờ", "现在": when the notification came in. */
function useNow() {
  const locale = useLocale();
  return formatRelative(LOCK_SCREEN_DATE, LOCK_SCREEN_DATE, locale);
}

function IosNotification({ push, app }: { push: TPush; app: string }) {
  const now = useNow();
  return (
    <div
      className="flex gap-2.5 rounded-2xl bg-white/75 p-3 shadow-lg backdrop-blur"
      data-testid="push-notification"
    >
      <span className="flex size-8 shrink-0 items-center justify-center rounded-lg bg-brand-600 text-white">
        <Bell className="size-4" aria-hidden />
      </span>
      <div className="min-w-0 flex-1">
        <div className="flex justify-between text-[11px] text-slate-600">
          <span className="font-medium uppercase">{app}</span>
          <span>{now}</span>
        </div>
        <p className="truncate text-[13px] font-semibold text-slate-900">{push.title}</p>
        <p className="line-clamp-4 text-[13px] leading-snug text-slate-800">{push.body}</p>
      </div>
      {push.imageUrl ? (
        <AuthorImage
          src={push.imageUrl}
          alt=""
          className="size-10 shrink-0 self-center rounded-md object-cover"
        />
      ) : null}
    </div>
  );
}

function AndroidNotification({ push, app }: { push: TPush; app: string }) {
  const now = useNow();
  return (
    <div
      className="overflow-hidden rounded-3xl bg-slate-100 p-3.5 shadow-lg"
      data-testid="push-notification"
    >
      <div className="flex items-center gap-1.5 text-[11px] text-slate-600">
        <span className="flex size-4 items-center justify-center rounded-full bg-brand-600 text-white">
          <Bell className="size-2.5" aria-hidden />
        </span>
        <span>{app}</span>
        <span>· {now}</span>
      </div>
      <p className="mt-1.5 text-[13px] font-medium text-slate-900">{push.title}</p>
      <p className="line-clamp-3 text-[13px] text-slate-700">{push.body}</p>
      {push.imageUrl ? (
        <AuthorImage
          src={push.imageUrl}
          alt=""
          className="mt-2 max-h-28 w-full rounded-xl object-cover"
        />
      ) : null}
    </div>
  );
}

/** The notification on a lock screen, iOS-like or Android-like, with what the app receives under it. */
export function PushPreview({ push, app }: { push: TPush; app: string }) {
  const t = useTranslations("templates.push.preview");
  const locale = useLocale();
  const [os, setOs] = useState<"ios" | "android">("ios");
  const data = Object.entries(push.data ?? {});
  return (
    <div className="space-y-3 p-4">
      <div className="flex justify-center">
        <SegmentedToggle
          label={t("phoneStyle")}
          value={os}
          onChange={setOs}
          options={[
            { value: "ios", label: "iOS" },
            { value: "android", label: "Android" },
          ]}
        />
      </div>
      <PhoneFrame>
        <div
          className={
            os === "ios"
              ? "h-full bg-gradient-to-b from-indigo-400 via-sky-500 to-teal-400 px-3 pt-10"
              : "h-full bg-gradient-to-b from-slate-700 to-slate-900 px-3 pt-10"
          }
        >
          <p
            className={
              os === "ios"
                ? "text-center text-5xl font-semibold text-white/90"
                : "px-2 text-4xl font-light text-white/90"
            }
          >
            {formatClock(LOCK_SCREEN_DATE, "UTC", locale)}
          </p>
          <p
            className={
              os === "ios"
                ? "mb-6 text-center text-sm text-white/80"
                : "mb-6 px-2 text-sm text-white/70"
            }
          >
            {formatWeekdayDate(LOCK_SCREEN_DATE, "UTC", locale)}
          </p>
          {os === "ios" ? (
            <IosNotification push={push} app={app} />
          ) : (
            <AndroidNotification push={push} app={app} />
          )}
        </div>
      </PhoneFrame>
      {/* What the app receives is content, not UI text: code, in no language of ours. */}
      {push.deepLink || data.length ? (
        <dl className="mx-auto max-w-sm space-y-0.5 rounded-md bg-slate-50 p-3 font-mono text-xs text-slate-700">
          {push.deepLink ? (
            <div>
              <dt className="inline text-slate-400">{t("deepLink")} </dt>
              <dd className="inline">
                <code>{push.deepLink}</code>
              </dd>
            </div>
          ) : null}
          {data.map(([k, v]) => (
            <div key={k}>
              <dt className="inline text-slate-400">
                <code>{k}</code>:{" "}
              </dt>
              <dd className="inline">
                <code>{v}</code>
              </dd>
            </div>
          ))}
        </dl>
      ) : null}
    </div>
  );
}
