import {
  Bell,
  Mail,
  MessageSquare,
  Phone,
  SquareStack,
  Webhook,
  type LucideIcon,
} from "lucide-react";
import type { TSendChannel } from "@/lib/channels/types";

/** How each channel is named and drawn across the template pages. */
export const CHANNEL_META: Record<TSendChannel, { label: string; icon: LucideIcon; hint: string }> =
  {
    email: { label: "Email", icon: Mail, hint: "Blocks, theme, subject and preheader" },
    sms: { label: "SMS", icon: MessageSquare, hint: "Text message with a segment counter" },
    push: { label: "Push", icon: Bell, hint: "Mobile notification with data and deep link" },
    voice: { label: "Voice", icon: Phone, hint: "Text or SSML read out on a call" },
    in_app: { label: "In-app", icon: SquareStack, hint: "Card shown by the embed script" },
    webhook: { label: "Webhook", icon: Webhook, hint: "JSON body posted to your endpoint" },
  };

export const CHANNEL_ORDER: TSendChannel[] = ["email", "sms", "push", "voice", "in_app", "webhook"];
