import { BarChart3, Megaphone, Route, Settings, Users, UsersRound, LayoutTemplate } from "lucide-react";

export const NAV_ITEMS = [
  { href: "journeys", label: "Journeys", icon: Route },
  { href: "campaigns", label: "Campaigns", icon: Megaphone },
  { href: "segments", label: "Segments", icon: UsersRound },
  { href: "templates", label: "Templates", icon: LayoutTemplate },
  { href: "contacts", label: "Contacts", icon: Users },
  { href: "dashboards", label: "Dashboards", icon: BarChart3 },
  { href: "settings", label: "Settings", icon: Settings },
] as const;
