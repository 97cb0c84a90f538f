import type { TSendChannel } from "@/lib/channels/types";
import { useChannelLabel } from "@/components/app/use-labels";
import { cn } from "@/lib/utils";
import { ChannelIcon } from "./channel-icon";

/** One colour per channel, so a channel looks the same in the template list and the message log. */
const TONES: Record<TSendChannel, string> = {
  email: "bg-sky-50 text-sky-700 ring-sky-200",
  sms: "bg-violet-50 text-violet-700 ring-violet-200",
  push: "bg-orange-50 text-orange-700 ring-orange-200",
  voice: "bg-teal-50 text-teal-700 ring-teal-200",
  in_app: "bg-pink-50 text-pink-700 ring-pink-200",
  webhook: "bg-slate-50 text-slate-700 ring-slate-200",
};

export function ChannelBadge({
  channel,
  className,
}: {
  channel: TSendChannel;
  className?: string;
}) {
  const channelLabel = useChannelLabel();
  return (
    <span
      className={cn(
        "inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset",
        TONES[channel],
        className,
      )}
      data-testid="channel-badge"
    >
      <ChannelIcon channel={channel} className="size-3" />
      {channelLabel(channel)}
    </span>
  );
}
