CREATE TABLE "executor_crons" (
	"function_id" text NOT NULL,
	"cron" text NOT NULL,
	"next_at" timestamp with time zone NOT NULL,
	CONSTRAINT "executor_crons_function_id_cron_pk" PRIMARY KEY("function_id","cron")
);
--> statement-breakpoint
ALTER TABLE "executor_runs" ADD COLUMN "singleton_key" text;--> statement-breakpoint
CREATE INDEX "executor_crons_due_idx" ON "executor_crons" USING btree ("next_at");--> statement-breakpoint
CREATE UNIQUE INDEX "executor_runs_singleton_idx" ON "executor_runs" USING btree ("singleton_key") WHERE "executor_runs"."singleton_key" is not null and "executor_runs"."status" in ('queued', 'waiting');