ALTER TABLE "api_keys" ADD COLUMN "kind" text DEFAULT 'secret' NOT NULL;--> statement-breakpoint
ALTER TABLE "api_keys" ADD COLUMN "scopes" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
-- Keys made before kinds existed become secret keys with every scope, so nothing already deployed breaks.
UPDATE "api_keys" SET "scopes" = ARRAY['ingest','contacts:read','contacts:delete','messages:send','journeys:enter','inapp']::text[];
