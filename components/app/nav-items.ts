import {
  BarChart3,
  Inbox,
  Megaphone,
  Route,
  Send,
  Settings,
  Users,
  UsersRound,
  LayoutTemplate,
} from "lucide-react";

/** Each label is a key under `nav` in the catalogues. */
export const NAV_ITEMS = [
  { href: "journeys", label: "journeys", icon: Route },
  { href: "campaigns", label: "campaigns", icon: Megaphone },
  { href: "segments", label: "segments", icon: UsersRound },
  { href: "templates", label: "templates", icon: LayoutTemplate },
  { href: "contacts", label: "contacts", icon: Users },
  { href: "messages", label: "messages", icon: Send },
  { href: "outbox", label: "outbox", icon: Inbox },
  { href: "dashboards", label: "dashboards", icon: BarChart3 },
  { href: "settings", label: "settings", icon: Settings },
] as const;
