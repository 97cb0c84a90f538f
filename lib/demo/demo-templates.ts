import type { TTemplateContent } from "@/lib/templates/template-content";

const THEME = { brandColor: "#4f46e5", backgroundColor: "#f3f4f6", fontFamily: "system" as const, contentWidth: 600 };

/** The demo workspace's templates, each published as version 1. */
export const DEMO_TEMPLATES: { name: string; content: TTemplateContent }[] = [
  {
    name: "Welcome email",
    content: {
      channel: "email",
      subject: "Welcome to Acme, {{ contact.firstName | default: \"there\" }}!",
      preheader: "Three things to try in your first week",
      theme: THEME,
      blocks: [
        { id: "w1", type: "heading", level: 1, text: "Hi {{ contact.firstName | default: \"there\" }}, welcome aboard!", align: "left" },
        {
          id: "w2",
          type: "text",
          text: "We are **delighted** to have you. Your account is ready, and the [getting started guide](https://acme.example/guide) walks you through the basics in five minutes.\n\n*Tip:* set up your profile first, it makes everything else faster.",
          align: "left",
        },
        { id: "w3", type: "button", label: "Open your dashboard", url: "https://acme.example/dashboard", textColor: "#ffffff", align: "center" },
        { id: "w4", type: "divider", color: "#e5e7eb" },
        { id: "w5", type: "footer", text: "You receive this email because you signed up at {{ workspace.name }}.", unsubscribeText: "Unsubscribe" },
      ],
    },
  },
  {
    name: "Cart reminder SMS",
    content: { channel: "sms", body: "Hi {{ contact.firstName | default: \"there\" }}, your cart at Acme is still waiting. Complete your order: https://acme.example/cart Reply STOP to opt out.", senderId: "Acme" },
  },
  {
    name: "App guide push",
    content: {
      channel: "push",
      title: "Get more out of Acme, {{ contact.firstName | default: \"friend\" }}",
      body: "Swipe through a 30-second guide to the features people love most.",
      deepLink: "acme://guide",
      data: { screen: "guide", campaign: "onboarding" },
    },
  },
  {
    name: "Welcome in-app",
    content: {
      channel: "in_app",
      title: "Welcome, {{ contact.firstName | default: \"friend\" }}!",
      body: "Take a quick tour of what is new in Acme.",
      buttons: [
        { label: "Take the tour", action: "url", value: "https://acme.example/tour" },
        { label: "Later", action: "dismiss" },
      ],
    },
  },
];
