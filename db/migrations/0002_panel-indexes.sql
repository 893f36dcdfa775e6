CREATE TABLE "rollup_category_hourly" (
	"block_code" text NOT NULL,
	"bucket" timestamp with time zone NOT NULL,
	"category_code" text NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "rollup_category_hourly_block_code_bucket_category_code_pk" PRIMARY KEY("block_code","bucket","category_code")
);
--> statement-breakpoint
DROP INDEX "complaints_sla_on_time_idx";--> statement-breakpoint
CREATE INDEX "rollup_hourly_scope_block_idx" ON "rollup_hourly_scope" USING btree ("block_code","bucket");--> statement-breakpoint
CREATE INDEX "complaints_sla_on_time_idx" ON "complaints" USING btree ("due_at","block_code") WHERE status in ('new', 'routed', 'in_progress', 'reopened') and sla_state = 'on_time';