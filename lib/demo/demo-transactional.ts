import { insertPublishedTemplates } from "@/db/queries/demo-seed";
import { findTemplateIdByName } from "@/db/queries/transactional";
import { sendTransactional } from "@/lib/messages/transactional/send-transactional";
import type { TTemplateContent } from "@/lib/templates/template-content";

/** A template the transactional API sends: it reads the order from the call's `context`. */
export const ORDER_CONFIRMATION: { name: string; content: TTemplateContent } = {
  name: "Order confirmation",
  content: {
    channel: "email",
    subject: 'Order {{ context.orderId | default: "" }} confirmed',
    preheader: 'Thanks for your order, {{ contact.firstName | default: "there" }}',
    theme: {
      brandColor: "#4f46e5",
      backgroundColor: "#f3f4f6",
      fontFamily: "system",
      contentWidth: 600,
    },
    blocks: [
      {
        id: "o1",
        type: "heading",
        level: 1,
        text: 'Thanks for your order, {{ contact.firstName | default: "there" }}!',
        align: "left",
      },
      {
        id: "o2",
        type: "text",
        text: 'Order **{{ context.orderId | default: "" }}**: {{ context.items | default: "your items" }}, **{{ context.total | default: "" }}**. We will email you again when it ships.',
        align: "left",
      },
      {
        id: "o3",
        type: "footer",
        text: "A receipt for your order at {{ workspace.name }}.",
        unsubscribeText: "Unsubscribe",
      },
    ],
  },
};

/**
 * The demo's transactional side: the "Order confirmation" template, published, and one order
 * confirmation sent through `POST /api/v1/messages`'s pipeline (it lands in the Outbox, marked
 * Transactional in the message log). Once: a workspace that has the template is left as it is.
 */
export async function seedDemoTransactional(workspaceId: string) {
  if (await findTemplateIdByName(workspaceId, ORDER_CONFIRMATION.name)) return;
  await insertPublishedTemplates(workspaceId, [
    {
      name: ORDER_CONFIRMATION.name,
      channel: "email",
      content: ORDER_CONFIRMATION.content as Record<string, unknown>,
    },
  ]);
  await sendTransactional(workspaceId, {
    channel: "email",
    template: { name: ORDER_CONFIRMATION.name },
    recipients: [
      {
        userId: "demo-user-001",
        context: { orderId: "A-1001", items: "2 × Acme mug", total: "€24.00" },
      },
    ],
    idempotencyKey: "demo-order-A-1001",
  });
}
