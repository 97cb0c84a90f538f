ALTER TABLE "messages" ADD COLUMN "sending_domain" text;
-- Mail sent before this has no sending domain: it counts in the per-provider rates only.
