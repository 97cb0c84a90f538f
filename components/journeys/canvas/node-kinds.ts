import {
  CircleStop,
  Clock,
  GitBranch,
  Hourglass,
  Network,
  Send,
  ShieldHalf,
  Split,
  UserPen,
  Webhook,
  Zap,
  type LucideIcon,
} from "lucide-react";
import type { TNodeKind } from "@/lib/journeys/graph/node-data";

export type TKindMeta = {
  label: string;
  hint: string;
  icon: LucideIcon;
  /** icon chip and accent bar */ tone: string;
  accent: string;
};

/** How each kind looks: one colour family per purpose (start, timing, logic, action, end). */
export const NODE_KIND_META: Record<TNodeKind, TKindMeta> = {
  trigger: {
    label: "Trigger",
    hint: "How contacts enter",
    icon: Zap,
    tone: "bg-amber-100 text-amber-700",
    accent: "bg-amber-400",
  },
  wait: {
    label: "Wait",
    hint: "Pause for a time",
    icon: Hourglass,
    tone: "bg-sky-100 text-sky-700",
    accent: "bg-sky-400",
  },
  wait_for_event: {
    label: "Wait for event",
    hint: "Until they do something, or time out",
    icon: Clock,
    tone: "bg-sky-100 text-sky-700",
    accent: "bg-sky-400",
  },
  branch: {
    label: "Branch",
    hint: "Yes / no on a condition",
    icon: GitBranch,
    tone: "bg-violet-100 text-violet-700",
    accent: "bg-violet-400",
  },
  multi_branch: {
    label: "Multi-branch",
    hint: "First matching case",
    icon: Network,
    tone: "bg-violet-100 text-violet-700",
    accent: "bg-violet-400",
  },
  ab_split: {
    label: "A/B split",
    hint: "Random variants by %",
    icon: Split,
    tone: "bg-fuchsia-100 text-fuchsia-700",
    accent: "bg-fuchsia-400",
  },
  holdout: {
    label: "Holdout",
    hint: "Keep a control group out",
    icon: ShieldHalf,
    tone: "bg-fuchsia-100 text-fuchsia-700",
    accent: "bg-fuchsia-400",
  },
  send: {
    label: "Send message",
    hint: "Email, SMS, push…",
    icon: Send,
    tone: "bg-emerald-100 text-emerald-700",
    accent: "bg-emerald-500",
  },
  update_contact: {
    label: "Update contact",
    hint: "Set an attribute",
    icon: UserPen,
    tone: "bg-teal-100 text-teal-700",
    accent: "bg-teal-400",
  },
  webhook: {
    label: "Webhook",
    hint: "Call a URL",
    icon: Webhook,
    tone: "bg-teal-100 text-teal-700",
    accent: "bg-teal-400",
  },
  exit: {
    label: "Exit",
    hint: "Leave the journey",
    icon: CircleStop,
    tone: "bg-slate-200 text-slate-700",
    accent: "bg-slate-400",
  },
};

export const PALETTE_GROUPS: { title: string; kinds: TNodeKind[] }[] = [
  { title: "Start", kinds: ["trigger"] },
  { title: "Timing", kinds: ["wait", "wait_for_event"] },
  { title: "Logic", kinds: ["branch", "multi_branch", "ab_split", "holdout"] },
  { title: "Actions", kinds: ["send", "update_contact", "webhook"] },
  { title: "End", kinds: ["exit"] },
];

/** The MiniMap's colour for a kind (hex: the minimap draws SVG). */
export const MINIMAP_COLOR: Record<TNodeKind, string> = {
  trigger: "#fbbf24",
  wait: "#38bdf8",
  wait_for_event: "#38bdf8",
  branch: "#a78bfa",
  multi_branch: "#a78bfa",
  ab_split: "#e879f9",
  holdout: "#e879f9",
  send: "#10b981",
  update_contact: "#2dd4bf",
  webhook: "#2dd4bf",
  exit: "#94a3b8",
};

export const DRAG_MIME = "application/x-waymark-node";
