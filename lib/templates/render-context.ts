import type { TContact } from "@/db/schema/contacts";

/**
 * The Liquid scope of one message. A contact's attributes are reachable both as
 * `contact.attributes.plan` and, for brevity, as `contact.plan`; the profile columns win a clash
 * (`contact.email` is always the address). `contact.userId` is the customer's own id.
 * `account` is the contact's most recently joined account (Segment `group`): `account.plan`,
 * `account.id` (the groupId); `accounts` lists them all. Both are empty for a contact in none.
 */
export type TRenderContext = {
  contact: Record<string, unknown> & { attributes: Record<string, unknown> };
  event: { name: string | null; properties: Record<string, unknown>; occurredAt: string | null };
  account: Record<string, unknown>;
  accounts: Record<string, unknown>[];
  /** `timezone` is where the `date` filter formats for a contact with no time zone of their own. */
  workspace: { name: string; timezone?: string };
  message: TMessageValues;
  /** Per-recipient values a transactional API call passes (`{{ context.orderId }}`); empty otherwise. */
  context: Record<string, unknown>;
};

/** Per-message values the send pipeline fills in; extra keys are allowed (`message.anything`). */
export type TMessageValues = {
  id?: string;
  unsubscribeUrl?: string;
  /** The contact's preference center (marketing sends only). */
  preferencesUrl?: string;
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
  /** The contact's accounts, most recently joined first. */
  accounts?: { groupId: string; traits: Record<string, unknown> }[];
  workspace: { name: string; timezone?: string | null };
  message?: TMessageValues;
  context?: Record<string, unknown>;
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
  // Traits at the top for brevity (`account.plan`), like a contact's attributes; the id wins.
  const accounts = (input.accounts ?? []).map((a) => ({
    ...a.traits,
    id: a.groupId,
    traits: a.traits,
  }));
  return {
    contact,
    event: { name: e?.name ?? null, properties: e?.properties ?? {}, occurredAt },
    account: accounts[0] ?? {},
    accounts,
    workspace: {
      name: input.workspace.name,
      ...(input.workspace.timezone ? { timezone: input.workspace.timezone } : {}),
    },
    message: { ...input.message },
    context: input.context ?? {},
  };
}
