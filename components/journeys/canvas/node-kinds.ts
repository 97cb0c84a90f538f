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

/** How a kind looks; its name and hint are journeys.kinds.<kind>.label and .hint. */
export type TKindMeta = {
  icon: LucideIcon;
  /** icon chip and accent bar */ tone: string;
  accent: string;
};

/** How each kind looks: one colour family per purpose (start, timing, logic, action, end). */
export const NODE_KIND_META: Record<TNodeKind, TKindMeta> = {
  trigger: {
    icon: Zap,
    tone: "bg-amber-100 text-amber-700",
    accent: "bg-amber-400",
  },
  wait: {
    icon: Hourglass,
    tone: "bg-sky-100 text-sky-700",
    accent: "bg-sky-400",
  },
  wait_for_event: {
    icon: Clock,
    tone: "bg-sky-100 text-sky-700",
    accent: "bg-sky-400",
  },
  branch: {
    icon: GitBranch,
    tone: "bg-violet-100 text-violet-700",
    accent: "bg-violet-400",
  },
  multi_branch: {
    icon: Network,
    tone: "bg-violet-100 text-violet-700",
    accent: "bg-violet-400",
  },
  ab_split: {
    icon: Split,
    tone: "bg-fuchsia-100 text-fuchsia-700",
    accent: "bg-fuchsia-400",
  },
  holdout: {
    icon: ShieldHalf,
    tone: "bg-fuchsia-100 text-fuchsia-700",
    accent: "bg-fuchsia-400",
  },
  send: {
    icon: Send,
    tone: "bg-emerald-100 text-emerald-700",
    accent: "bg-emerald-500",
  },
  update_contact: {
    icon: UserPen,
    tone: "bg-teal-100 text-teal-700",
    accent: "bg-teal-400",
  },
  webhook: {
    icon: Webhook,
    tone: "bg-teal-100 text-teal-700",
    accent: "bg-teal-400",
  },
  exit: {
    icon: CircleStop,
    tone: "bg-slate-200 text-slate-700",
    accent: "bg-slate-400",
  },
};

/** `title` is a key under `journeys.palette.groups` in the catalogues. */
export const PALETTE_GROUPS: {
  title: "start" | "timing" | "logic" | "actions" | "end";
  kinds: TNodeKind[];
}[] = [
  { title: "start", kinds: ["trigger"] },
  { title: "timing", kinds: ["wait", "wait_for_event"] },
  { title: "logic", kinds: ["branch", "multi_branch", "ab_split", "holdout"] },
  { title: "actions", kinds: ["send", "update_contact", "webhook"] },
  { title: "end", kinds: ["exit"] },
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
