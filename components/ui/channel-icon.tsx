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
import { channelLabel } from "@/lib/channels/channel-meta";

/** The one icon per channel; labels are in lib/channels/channel-meta.ts. */
export const CHANNEL_ICONS: Record<TSendChannel, LucideIcon> = {
  email: Mail,
  sms: MessageSquare,
  push: Bell,
  voice: Phone,
  in_app: AppWindow,
  webhook: Webhook,
};

/** A channel's icon; `labelled` names it for screen readers where no text stands beside it. */
export function ChannelIcon({
  channel,
  className,
  labelled = false,
}: {
  channel: TSendChannel;
  className?: string;
  labelled?: boolean;
}) {
  const Icon = CHANNEL_ICONS[channel];
  return labelled ? (
    <Icon className={className} aria-label={channelLabel(channel)} />
  ) : (
    <Icon className={className} aria-hidden="true" />
  );
}
