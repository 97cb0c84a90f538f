import type { TTemplateContent } from "@/lib/templates/template-content";

const THEME = {
  brandColor: "#4f46e5",
  backgroundColor: "#f3f4f6",
  fontFamily: "system" as const,
  contentWidth: 600,
};

/** The welcome email in one language: the default content and each locale variant share it. */
function welcomeEmail(t: {
  subject: string;
  preheader: string;
  heading: string;
  text: string;
  joined: string;
  button: string;
  footer: string;
  unsubscribe: string;
}) {
  return {
    channel: "email" as const,
    subject: t.subject,
    preheader: t.preheader,
    theme: THEME,
    blocks: [
      {
        id: "w1",
        type: "heading" as const,
        level: 1 as const,
        text: t.heading,
        align: "left" as const,
      },
      { id: "w2", type: "text" as const, text: t.text, align: "left" as const },
      { id: "w6", type: "text" as const, text: t.joined, align: "left" as const },
      {
        id: "w3",
        type: "button" as const,
        label: t.button,
        url: "https://acme.example/dashboard",
        textColor: "#ffffff",
        align: "center" as const,
      },
      { id: "w4", type: "divider" as const, color: "#e5e7eb" },
      { id: "w5", type: "footer" as const, text: t.footer, unsubscribeText: t.unsubscribe },
    ],
  };
}

/** The demo workspace's templates, each published as version 1. */
export const DEMO_TEMPLATES: { name: string; content: TTemplateContent }[] = [
  {
    name: "Welcome email",
    content: {
      ...welcomeEmail({
        subject: 'Welcome to Acme, {{ contact.firstName | default: "there" }}!',
        preheader: "Three things to try in your first week",
        heading: 'Hi {{ contact.firstName | default: "there" }}, welcome aboard!',
        text: "We are **delighted** to have you. Your account is ready, and the [getting started guide](https://acme.example/guide) walks you through the basics in five minutes.\n\n*Tip:* set up your profile first, it makes everything else faster.",
        joined: 'You joined on {{ "now" | date: "long" }}.',
        button: "Open your dashboard",
        footer: "You receive this email because you signed up at {{ workspace.name }}.",
        unsubscribe: "Unsubscribe",
      }),
      // Contacts whose locale is vi-VN or zh-CN get these; everyone else the English default.
      // The `date` filter writes the date in each contact's language and time zone.
      variants: {
        vi: welcomeEmail({
          subject: 'Chào mừng {{ contact.firstName | default: "bạn" }} đến với Acme!',
          preheader: "Ba điều nên thử trong tuần đầu tiên",
          heading: 'Xin chào {{ contact.firstName | default: "bạn" }}, rất vui được đón bạn!',
          text: "Chúng tôi **rất vui** khi có bạn đồng hành. Tài khoản của bạn đã sẵn sàng, và [hướng dẫn bắt đầu](https://acme.example/guide) sẽ giúp bạn nắm những điều cơ bản trong năm phút.\n\n*Mẹo:* hãy hoàn thiện hồ sơ trước, mọi việc sau đó sẽ nhanh hơn.",
          joined: 'Bạn tham gia vào {{ "now" | date: "long" }}.',
          button: "Mở bảng điều khiển",
          footer: "Bạn nhận được email này vì đã đăng ký tại {{ workspace.name }}.",
          unsubscribe: "Huỷ đăng ký",
        }),
        "zh-CN": welcomeEmail({
          subject: '{{ contact.firstName | default: "您" }}，欢迎加入 Acme！',
          preheader: "第一周值得尝试的三件事",
          heading: '{{ contact.firstName | default: "您" }}，您好，欢迎加入！',
          text: "很**高兴**有您加入。您的账户已经就绪，[入门指南](https://acme.example/guide)五分钟就能带您了解基本操作。\n\n*小提示：*先完善个人资料，之后的一切都会更快。",
          joined: '您于 {{ "now" | date: "long" }} 加入。',
          button: "打开控制台",
          footer: "您收到此邮件，是因为您在 {{ workspace.name }} 注册了账户。",
          unsubscribe: "退订",
        }),
      },
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
