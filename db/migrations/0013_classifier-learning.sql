CREATE TABLE "classifier_examples" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "classifier_examples_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"text" text NOT NULL,
	"label" text,
	"block_code" text,
	"origin" text NOT NULL,
	"complaint_id" bigint,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "classifier_versions" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "classifier_versions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"created_at" timestamp with time zone NOT NULL,
	"trained_from" bigint NOT NULL,
	"held_out_from" bigint NOT NULL,
	"examples" integer NOT NULL,
	"status" text NOT NULL,
	"threshold" double precision NOT NULL,
	"metrics" jsonb,
	"reason" text,
	"requested_by" text NOT NULL,
	"live_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "classifier_examples_origin_idx" ON "classifier_examples" USING btree ("origin","id");--> statement-breakpoint
CREATE UNIQUE INDEX "classifier_versions_live_uidx" ON "classifier_versions" USING btree ("status") WHERE status = 'live';--> statement-breakpoint
CREATE INDEX "classifier_versions_created_idx" ON "classifier_versions" USING btree ("created_at");