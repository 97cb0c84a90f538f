import { Badge } from "@/components/ui/badge";
import type { TSendChannel } from "@/lib/channels/types";
import { CHANNEL_META } from "./channel-meta";

export function ChannelBadge({ channel }: { channel: TSendChannel }) {
  const { label, icon: Icon } = CHANNEL_META[channel];
  return (
    <Badge tone="brand" className="gap-1">
      <Icon className="size-3" aria-hidden /> {label}
    </Badge>
  );
}
