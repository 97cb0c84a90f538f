import type { TTemplateContent } from "@/lib/templates/template-content";

const THEME = {
  brandColor: "#4f46e5",
  backgroundColor: "#f3f4f6",
  fontFamily: "system" as const,
  contentWidth: 600,
};

/** The demo workspace's templates, each published as version 1. */
export const DEMO_TEMPLATES: { name: string; content: TTemplateContent }[] = [
  {
    name: "Welcome email",
    content: {
      channel: "email",
      subject: 'Welcome to Acme, {{ contact.firstName | default: "there" }}!',
      preheader: "Three things to try in your first week",
      theme: THEME,
      blocks: [
        {
          id: "w1",
          type: "heading",
          level: 1,
          text: 'Hi {{ contact.firstName | default: "there" }}, welcome aboard!',
          align: "left",
        },
        {
          id: "w2",
          type: "text",
          text: "We are **delighted** to have you. Your account is ready, and the [getting started guide](https://acme.example/guide) walks you through the basics in five minutes.\n\n*Tip:* set up your profile first, it makes everything else faster.",
          align: "left",
        },
        {
          id: "w3",
          type: "button",
          label: "Open your dashboard",
          url: "https://acme.example/dashboard",
          textColor: "#ffffff",
          align: "center",
        },
        { id: "w4", type: "divider", color: "#e5e7eb" },
        {
          id: "w5",
          type: "footer",
          text: "You receive this email because you signed up at {{ workspace.name }}.",
          unsubscribeText: "Unsubscribe",
        },
      ],
    },
  },
  {
    name: "Cart reminder SMS",
    content: {
      channel: "sms",
      body: 'Hi {{ contact.firstName | default: "there" }}, your cart at Acme is still waiting. Complete your order: https://acme.example/cart Reply STOP to opt out.',
      senderId: "Acme",
    },
  },
  {
    name: "App guide push",
    content: {
      channel: "push",
      title: 'Get more out of Acme, {{ contact.firstName | default: "friend" }}',
      body: "Swipe through a 30-second guide to the features people love most.",
      deepLink: "acme://guide",
      data: { screen: "guide", campaign: "onboarding" },
    },
  },
  {
    name: "Welcome in-app",
    content: {
      channel: "in_app",
      title: 'Welcome, {{ contact.firstName | default: "friend" }}!',
      body: "Take a quick tour of what is new in Acme.",
      buttons: [
        { label: "Take the tour", action: "url", value: "https://acme.example/tour" },
        { label: "Later", action: "dismiss" },
      ],
    },
  },
  {
    name: "Birthday email",
    content: {
      channel: "email",
      subject: 'Happy birthday, {{ contact.firstName | default: "friend" }}! A gift from Acme',
      preheader: "20% off anything today",
      theme: THEME,
      blocks: [
        {
          id: "b1",
          type: "heading",
          level: 1,
          text: 'Happy birthday, {{ contact.firstName | default: "friend" }}!',
          align: "center",
        },
        {
          id: "b2",
          type: "text",
          text: "To celebrate, here is **20% off** anything in the shop today with the code **BIRTHDAY20**.",
          align: "center",
        },
        {
          id: "b3",
          type: "button",
          label: "Treat yourself",
          url: "https://acme.example/shop",
          textColor: "#ffffff",
          align: "center",
        },
        {
          id: "b4",
          type: "footer",
          text: "You receive this email because you are a {{ workspace.name }} customer.",
          unsubscribeText: "Unsubscribe",
        },
      ],
    },
  },
  {
    name: "Pro upgrade email",
    content: {
      channel: "email",
      subject: 'Welcome to Pro, {{ contact.firstName | default: "there" }}',
      preheader: "What your Pro plan unlocks",
      theme: THEME,
      blocks: [
        {
          id: "p1",
          type: "heading",
          level: 1,
          text: 'You are on Pro now, {{ contact.firstName | default: "there" }}',
          align: "left",
        },
        {
          id: "p2",
          type: "text",
          text: "Priority support, unlimited projects and the EU data residency you asked for are switched on.",
          align: "left",
        },
        {
          id: "p3",
          type: "button",
          label: "See what is new",
          url: "https://acme.example/pro",
          textColor: "#ffffff",
          align: "center",
        },
        {
          id: "p4",
          type: "footer",
          text: "You receive this email because you upgraded at {{ workspace.name }}.",
          unsubscribeText: "Unsubscribe",
        },
      ],
    },
  },
];
