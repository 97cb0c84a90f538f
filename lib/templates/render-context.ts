import type { TContact } from "@/db/schema/contacts";

/**
 * The Liquid scope of one message. A contact's attributes are reachable both as
 * `contact.attributes.plan` and, for brevity, as `contact.plan`; the profile columns win a clash
 * (`contact.email` is always the address). `contact.userId` is the customer's own id.
 */
export type TRenderContext = {
  contact: Record<string, unknown> & { attributes: Record<string, unknown> };
  event: { name: string | null; properties: Record<string, unknown>; occurredAt: string | null };
  workspace: { name: string };
  message: TMessageValues;
};

/** Per-message values the send pipeline fills in; extra keys are allowed (`message.anything`). */
export type TMessageValues = {
  id?: string;
  unsubscribeUrl?: string;
  viewInBrowserUrl?: string;
  [key: string]: string | undefined;
};

export type TRenderContact = Pick<
  TContact,
  "externalId" | "email" | "phone" | "timezone" | "locale" | "country" | "city" | "attributes"
> & { id?: string };
export type TRenderEvent = {
  name: string;
  properties?: Record<string, unknown> | null;
  occurredAt?: Date | string | null;
};

export type TRenderContextInput = {
  contact: TRenderContact;
  event?: TRenderEvent | null;
  workspace: { name: string };
  message?: TMessageValues;
};

export function buildRenderContext(input: TRenderContextInput): TRenderContext {
  const c = input.contact;
  const attributes = c.attributes ?? {};
  const contact: TRenderContext["contact"] = {
    ...attributes,
    id: c.id,
    userId: c.externalId,
    email: c.email,
    phone: c.phone,
    timezone: c.timezone,
    locale: c.locale,
    country: c.country,
    city: c.city,
    attributes,
  };
  const e = input.event;
  const occurredAt =
    e?.occurredAt instanceof Date ? e.occurredAt.toISOString() : (e?.occurredAt ?? null);
  return {
    contact,
    event: { name: e?.name ?? null, properties: e?.properties ?? {}, occurredAt },
    workspace: { name: input.workspace.name },
    message: { ...input.message },
  };
}
