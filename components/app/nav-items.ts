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

export const NAV_ITEMS = [
  { href: "journeys", label: "Journeys", icon: Route },
  { href: "campaigns", label: "Campaigns", icon: Megaphone },
  { href: "segments", label: "Segments", icon: UsersRound },
  { href: "templates", label: "Templates", icon: LayoutTemplate },
  { href: "contacts", label: "Contacts", icon: Users },
  { href: "messages", label: "Messages", icon: Send },
  { href: "outbox", label: "Outbox", icon: Inbox },
  { href: "dashboards", label: "Dashboards", icon: BarChart3 },
  { href: "settings", label: "Settings", icon: Settings },
] as const;
