import type { TSendChannel } from "@/lib/channels/types";
import type { TTemplateContent } from "./template-content";

/** What a new template starts from: a small, valid example of its channel, personalised. */
export function defaultTemplateContent(channel: TSendChannel): TTemplateContent {
  switch (channel) {
    case "email":
      return {
        channel: "email",
        subject: 'Hello {{ contact.firstName | default: "there" }}',
        preheader: "",
        theme: {
          brandColor: "#2563eb",
          backgroundColor: "#f3f4f6",
          fontFamily: "system",
          contentWidth: 600,
        },
        blocks: [
          {
            id: "b1",
            type: "heading",
            level: 1,
            text: 'Hi {{ contact.firstName | default: "there" }},',
            align: "left",
          },
          { id: "b2", type: "text", text: "Write your message here.", align: "left" },
          {
            id: "b3",
            type: "footer",
            text: "You receive this email because you signed up at {{ workspace.name }}.",
            unsubscribeText: "Unsubscribe",
          },
        ],
      };
    case "sms":
      return {
        channel: "sms",
        body: 'Hi {{ contact.firstName | default: "there" }}! Reply STOP to opt out.',
      };
    case "push":
      return {
        channel: "push",
        title: 'Hi {{ contact.firstName | default: "there" }}',
        body: "Something new is waiting for you.",
        data: {},
      };
    case "voice":
      return {
        channel: "voice",
        speech:
          'Hello {{ contact.firstName | default: "there" }}, this is a message from {{ workspace.name }}.',
        voice: "alice",
        language: "en-US",
      };
    case "in_app":
      return {
        channel: "in_app",
        title: 'Welcome, {{ contact.firstName | default: "friend" }}',
        body: "Take a quick tour of what is new.",
        buttons: [{ label: "Got it", action: "dismiss" }],
      };
    case "webhook":
      return {
        channel: "webhook",
        body: '{\n  "userId": {{ contact.userId | json }},\n  "event": {{ event.name | json }}\n}',
      };
  }
}
