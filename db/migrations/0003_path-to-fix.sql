CREATE TABLE "executors" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"short_name" text NOT NULL,
	"kind" text NOT NULL,
	"blocks" text[] DEFAULT '{}'::text[] NOT NULL,
	"municipality_oktmo" text,
	CONSTRAINT "executors_kind_check" CHECK ("executors"."kind" in ('ministry', 'agency', 'municipal', 'utility'))
);
--> statement-breakpoint
CREATE TABLE "routing_rules" (
	"id" text PRIMARY KEY NOT NULL,
	"position" integer NOT NULL,
	"categories" text[],
	"block_code" text,
	"municipalities" text[],
	"target" text NOT NULL,
	"reason" text NOT NULL,
	CONSTRAINT "routing_rules_match_check" CHECK ("routing_rules"."categories" is null or "routing_rules"."block_code" is null)
);
--> statement-breakpoint
CREATE TABLE "problems" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "problems_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"category_code" text NOT NULL,
	"block_code" text NOT NULL,
	"municipality_oktmo" text,
	"lat" double precision,
	"lon" double precision,
	"h3_coarse" text,
	"first_at" timestamp with time zone NOT NULL,
	"last_at" timestamp with time zone NOT NULL,
	"complaints" integer NOT NULL,
	"open_complaints" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rollup_executor_daily" (
	"day" date NOT NULL,
	"executor_code" text NOT NULL,
	"municipality_oktmo" text NOT NULL,
	"block_code" text NOT NULL,
	"resolved" integer DEFAULT 0 NOT NULL,
	"resolved_on_time" integer DEFAULT 0 NOT NULL,
	"resolved_very_late" integer DEFAULT 0 NOT NULL,
	"reopened" integer DEFAULT 0 NOT NULL,
	"rejected" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "rollup_executor_daily_day_executor_code_municipality_oktmo_block_code_pk" PRIMARY KEY("day","executor_code","municipality_oktmo","block_code")
);
--> statement-breakpoint
CREATE TABLE "source_webhooks" (
	"source_code" text PRIMARY KEY NOT NULL,
	"url" text NOT NULL,
	"secret" text NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"max_attempts" integer DEFAULT 8 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "webhook_deliveries" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "webhook_deliveries_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"source_code" text NOT NULL,
	"complaint_id" bigint NOT NULL,
	"event_id" bigint NOT NULL,
	"event" text NOT NULL,
	"payload" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone NOT NULL,
	"last_status_code" integer,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"delivered_at" timestamp with time zone,
	CONSTRAINT "webhook_deliveries_status_check" CHECK ("webhook_deliveries"."status" in ('pending', 'delivered', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "webhook_attempts" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "webhook_attempts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"delivery_id" bigint NOT NULL,
	"attempt" integer NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"status_code" integer,
	"error" text,
	"duration_ms" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "api_keys" (
	"key_hash" text PRIMARY KEY NOT NULL,
	"source_code" text NOT NULL,
	"label" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "complaints" DROP CONSTRAINT "complaints_status_check";--> statement-breakpoint
ALTER TABLE "categories" ADD COLUMN "deadline_working_days" integer;--> statement-breakpoint
ALTER TABLE "categories" ADD COLUMN "duplicate_radius_m" integer DEFAULT 300 NOT NULL;--> statement-breakpoint
ALTER TABLE "categories" ADD COLUMN "duplicate_window_hours" integer DEFAULT 48 NOT NULL;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "executor_code" text;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "problem_id" bigint;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "reopen_count" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "class_source" text;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "class_confidence" real;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "place_source" text;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "place_name" text;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "place_candidates" text;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "rejection_reason" text;--> statement-breakpoint
ALTER TABLE "complaint_events" ADD COLUMN "executor_code" text;--> statement-breakpoint
ALTER TABLE "complaint_events" ADD COLUMN "from_executor_code" text;--> statement-breakpoint
ALTER TABLE "complaint_events" ADD COLUMN "rule_id" text;--> statement-breakpoint
ALTER TABLE "complaint_events" ADD COLUMN "reason" text;--> statement-breakpoint
ALTER TABLE "complaint_events" ADD COLUMN "answer" text;--> statement-breakpoint
ALTER TABLE "complaint_events" ADD COLUMN "photo_urls" text[];--> statement-breakpoint
ALTER TABLE "source_webhooks" ADD CONSTRAINT "source_webhooks_source_code_sources_code_fk" FOREIGN KEY ("source_code") REFERENCES "public"."sources"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_source_code_sources_code_fk" FOREIGN KEY ("source_code") REFERENCES "public"."sources"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "executors_municipality_idx" ON "executors" USING btree ("municipality_oktmo");--> statement-breakpoint
CREATE UNIQUE INDEX "routing_rules_position_idx" ON "routing_rules" USING btree ("position");--> statement-breakpoint
CREATE INDEX "problems_join_idx" ON "problems" USING btree ("category_code","h3_coarse","last_at");--> statement-breakpoint
CREATE INDEX "problems_block_first_idx" ON "problems" USING btree ("block_code","first_at");--> statement-breakpoint
CREATE INDEX "problems_block_open_idx" ON "problems" USING btree ("block_code") WHERE open_complaints > 0;--> statement-breakpoint
CREATE INDEX "webhook_deliveries_due_idx" ON "webhook_deliveries" USING btree ("next_attempt_at") WHERE status = 'pending';--> statement-breakpoint
CREATE INDEX "webhook_deliveries_source_idx" ON "webhook_deliveries" USING btree ("source_code","id");--> statement-breakpoint
CREATE UNIQUE INDEX "webhook_deliveries_event_idx" ON "webhook_deliveries" USING btree ("event_id","source_code");--> statement-breakpoint
CREATE INDEX "webhook_attempts_delivery_idx" ON "webhook_attempts" USING btree ("delivery_id","attempt");--> statement-breakpoint
CREATE INDEX "complaints_executor_open_idx" ON "complaints" USING btree ("executor_code","due_at") WHERE status in ('new', 'routed', 'in_progress', 'reopened');--> statement-breakpoint
CREATE INDEX "complaints_triage_idx" ON "complaints" USING btree ("received_at") WHERE category_code is null and status = 'new';--> statement-breakpoint
CREATE INDEX "complaints_problem_idx" ON "complaints" USING btree ("problem_id");--> statement-breakpoint
CREATE INDEX "complaint_events_quality_idx" ON "complaint_events" USING btree ("at") WHERE type = 'status' and to_status in ('resolved', 'reopened', 'rejected');--> statement-breakpoint
ALTER TABLE "categories" ADD CONSTRAINT "categories_working_days_check" CHECK ("deadline_working_days" is null or "deadline_working_days" between 1 and 30);--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_status_check" CHECK ("status" in ('new', 'routed', 'in_progress', 'resolved', 'closed', 'reopened', 'rejected', 'on_vote'));--> statement-breakpoint
-- The complaint history is append-only: refuse any attempt to rewrite or erase it.
CREATE FUNCTION "complaint_events_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'complaint_events is append-only: % is not allowed', TG_OP;
END;
$$;--> statement-breakpoint
CREATE TRIGGER "complaint_events_no_rewrite" BEFORE UPDATE OR DELETE ON "complaint_events"
  FOR EACH ROW EXECUTE FUNCTION "complaint_events_append_only"();
