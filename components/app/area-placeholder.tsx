import {
  BarChart3,
  LayoutTemplate,
  Megaphone,
  Route,
  UsersRound,
  type LucideIcon,
} from "lucide-react";
import { ComingSoon } from "./coming-soon";
import { PageHeader } from "./page-header";

type Area = {
  title: string;
  description: string;
  icon: LucideIcon;
  heading: string;
  points: string[];
};

/** What each area that has not landed yet will hold, so the shell has no dead ends. */
export const AREAS = {
  journeys: {
    title: "Journeys",
    description:
      "Multi-step, per-contact flows drawn on a canvas: triggers, waits, branches, A/B splits and sends.",
    icon: Route,
    heading: "Your journeys will live here",
    points: [
      "Draw a flow on a canvas: trigger, wait, wait for an event, branch, A/B split, send, exit.",
      "Publish immutable versions; contacts already inside keep the version they entered with.",
      "See how many contacts entered, wait at and passed each step, right on the canvas.",
    ],
  },
  campaigns: {
    title: "Campaigns",
    description: "One-off and scheduled sends to a segment, on any channel.",
    icon: Megaphone,
    heading: "Your campaigns will live here",
    points: [
      "Send a template to a segment now, at a set time, or in each contact's own time zone.",
      "Respect quiet hours, frequency caps and every opt-out.",
      "Track delivery, opens, clicks and conversions per campaign.",
    ],
  },
  segments: {
    title: "Segments",
    description: "Groups of contacts defined by who they are and what they did.",
    icon: UsersRound,
    heading: "Your segments will live here",
    points: [
      "Combine attribute, behaviour, channel, location and device conditions in nested AND/OR groups.",
      "See a live count and a preview of matching contacts while you edit.",
      "Keep segments dynamic (always current) or freeze a static snapshot.",
    ],
  },
  templates: {
    title: "Templates",
    description:
      "Messages for email, SMS, push, voice and in-app, with personalisation and live preview.",
    icon: LayoutTemplate,
    heading: "Your templates will live here",
    points: [
      "Build emails from blocks and preview them on desktop and mobile with a real contact.",
      'Personalise with Liquid: {{ contact.firstName | default: "there" }}.',
      "Version every template; a new version never changes messages already sent.",
    ],
  },
  dashboards: {
    title: "Dashboards",
    description: "Funnels, channel KPIs and A/B results for analysts.",
    icon: BarChart3,
    heading: "Your dashboards will live here",
    points: [
      "Journey funnels from entry to goal, with conversion between steps.",
      "Sent, delivered, opened, clicked and failed messages by day and channel.",
      "A/B and holdout results with confidence intervals; every chart exports to CSV.",
    ],
  },
} satisfies Record<string, Area>;

export function AreaPlaceholder({ area }: { area: keyof typeof AREAS }) {
  const a: Area = AREAS[area];
  return (
    <>
      <PageHeader title={a.title} description={a.description} />
      <ComingSoon icon={a.icon} title={a.heading} points={a.points} />
    </>
  );
}
