import {
  AppWindow,
  Bell,
  Mail,
  MessageSquare,
  Phone,
  Webhook,
  type LucideIcon,
} from "lucide-react";
import type { TSendChannel } from "@/lib/channels/types";
import { cn } from "@/lib/utils";

export const CHANNEL_VIEW: Record<
  TSendChannel,
  { label: string; icon: LucideIcon; className: string }
> = {
  email: { label: "Email", icon: Mail, className: "bg-sky-50 text-sky-700 ring-sky-200" },
  sms: {
    label: "SMS",
    icon: MessageSquare,
    className: "bg-violet-50 text-violet-700 ring-violet-200",
  },
  push: { label: "Push", icon: Bell, className: "bg-orange-50 text-orange-700 ring-orange-200" },
  voice: { label: "Voice", icon: Phone, className: "bg-teal-50 text-teal-700 ring-teal-200" },
  in_app: { label: "In-app", icon: AppWindow, className: "bg-pink-50 text-pink-700 ring-pink-200" },
  webhook: {
    label: "Webhook",
    icon: Webhook,
    className: "bg-slate-50 text-slate-700 ring-slate-200",
  },
};

export function ChannelBadge({
  channel,
  className,
}: {
  channel: TSendChannel;
  className?: string;
}) {
  const { label, icon: Icon, className: tone } = CHANNEL_VIEW[channel];
  return (
    <span
      className={cn(
        "inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset",
        tone,
        className,
      )}
      data-testid="channel-badge"
    >
      <Icon className="size-3" aria-hidden="true" />
      {label}
    </span>
  );
}
