CREATE SEQUENCE "public"."complaints_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "blocks" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"name_en" text NOT NULL,
	"sort_order" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sources" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"name_en" text NOT NULL,
	"sort_order" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "categories" (
	"code" text PRIMARY KEY NOT NULL,
	"block_code" text NOT NULL,
	"name" text NOT NULL,
	"deadline_hours" integer NOT NULL,
	"kind" text NOT NULL,
	CONSTRAINT "categories_kind_check" CHECK ("categories"."kind" in ('operational', 'resource')),
	CONSTRAINT "categories_deadline_check" CHECK ("categories"."deadline_hours" between 1 and 192)
);
--> statement-breakpoint
CREATE TABLE "municipalities" (
	"oktmo" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"short_name" text NOT NULL,
	"admin_center" text NOT NULL,
	"population" integer NOT NULL,
	"center_lat" double precision NOT NULL,
	"center_lon" double precision NOT NULL,
	"area_km2" double precision NOT NULL,
	"zato" boolean NOT NULL,
	"boundary" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "complaints" (
	"id" bigint DEFAULT nextval('complaints_id_seq') NOT NULL,
	"source_code" text NOT NULL,
	"external_id" text NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"text" text NOT NULL,
	"lat" double precision,
	"lon" double precision,
	"address" text,
	"municipality_oktmo" text,
	"block_code" text,
	"category_code" text,
	"status" text DEFAULT 'new' NOT NULL,
	"status_at" timestamp with time zone NOT NULL,
	"sla_state" text DEFAULT 'on_time' NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"very_late_at" timestamp with time zone NOT NULL,
	"h3_fine" text,
	"h3_coarse" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resolved_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	CONSTRAINT "complaints_id_received_at_pk" PRIMARY KEY("id","received_at"),
	CONSTRAINT "complaints_status_check" CHECK ("complaints"."status" in ('new', 'routed', 'in_progress', 'resolved', 'closed', 'reopened')),
	CONSTRAINT "complaints_sla_state_check" CHECK ("complaints"."sla_state" in ('on_time', 'late', 'very_late')),
	CONSTRAINT "complaints_lat_lon_check" CHECK (("complaints"."lat" is null) = ("complaints"."lon" is null))
) PARTITION BY RANGE ("received_at");
--> statement-breakpoint
-- Hand-written (drizzle-kit cannot declare partitions): months are created by lib/partitions/ensure-partitions.ts;
-- the default partition only catches a month that could not be created in time.
CREATE TABLE "complaints_default" PARTITION OF "complaints" DEFAULT;
--> statement-breakpoint
CREATE TABLE "complaint_keys" (
	"source_code" text NOT NULL,
	"external_id" text NOT NULL,
	"complaint_id" bigint NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	CONSTRAINT "complaint_keys_source_code_external_id_pk" PRIMARY KEY("source_code","external_id")
);
--> statement-breakpoint
CREATE TABLE "complaint_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "complaint_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"complaint_id" bigint NOT NULL,
	"type" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor" text,
	"comment" text,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rollup_hourly" (
	"bucket" timestamp with time zone NOT NULL,
	"municipality_oktmo" text NOT NULL,
	"block_code" text NOT NULL,
	"category_code" text NOT NULL,
	"source_code" text NOT NULL,
	"status_class" text NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "rollup_hourly_bucket_municipality_oktmo_block_code_category_code_source_code_status_class_pk" PRIMARY KEY("bucket","municipality_oktmo","block_code","category_code","source_code","status_class")
);
--> statement-breakpoint
CREATE TABLE "rollup_hourly_scope" (
	"municipality_oktmo" text NOT NULL,
	"block_code" text NOT NULL,
	"bucket" timestamp with time zone NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "rollup_hourly_scope_municipality_oktmo_block_code_bucket_pk" PRIMARY KEY("municipality_oktmo","block_code","bucket")
);
--> statement-breakpoint
CREATE TABLE "rollup_minute" (
	"municipality_oktmo" text NOT NULL,
	"block_code" text NOT NULL,
	"bucket" timestamp with time zone NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "rollup_minute_municipality_oktmo_block_code_bucket_pk" PRIMARY KEY("municipality_oktmo","block_code","bucket")
);
--> statement-breakpoint
CREATE TABLE "rollup_h3_hourly" (
	"bucket" timestamp with time zone NOT NULL,
	"resolution" smallint NOT NULL,
	"h3" text NOT NULL,
	"block_code" text NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "rollup_h3_hourly_bucket_resolution_h3_block_code_pk" PRIMARY KEY("bucket","resolution","h3","block_code")
);
--> statement-breakpoint
CREATE TABLE "rollup_open" (
	"municipality_oktmo" text NOT NULL,
	"block_code" text NOT NULL,
	"on_time" integer NOT NULL,
	"late" integer NOT NULL,
	"very_late" integer NOT NULL,
	CONSTRAINT "rollup_open_municipality_oktmo_block_code_pk" PRIMARY KEY("municipality_oktmo","block_code")
);
--> statement-breakpoint
CREATE TABLE "rollup_open_cells" (
	"municipality_oktmo" text NOT NULL,
	"block_code" text NOT NULL,
	"h3_coarse" text NOT NULL,
	"on_time" integer NOT NULL,
	"late" integer NOT NULL,
	"very_late" integer NOT NULL,
	CONSTRAINT "rollup_open_cells_municipality_oktmo_block_code_h3_coarse_pk" PRIMARY KEY("municipality_oktmo","block_code","h3_coarse")
);
--> statement-breakpoint
ALTER TABLE "categories" ADD CONSTRAINT "categories_block_code_blocks_code_fk" FOREIGN KEY ("block_code") REFERENCES "public"."blocks"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "categories_block_idx" ON "categories" USING btree ("block_code");--> statement-breakpoint
CREATE INDEX "complaints_received_idx" ON "complaints" USING btree ("received_at");--> statement-breakpoint
CREATE INDEX "complaints_sla_on_time_idx" ON "complaints" USING btree ("due_at") WHERE status in ('new', 'routed', 'in_progress', 'reopened') and sla_state = 'on_time';--> statement-breakpoint
CREATE INDEX "complaints_sla_late_idx" ON "complaints" USING btree ("very_late_at") WHERE status in ('new', 'routed', 'in_progress', 'reopened') and sla_state = 'late';--> statement-breakpoint
CREATE INDEX "complaints_open_due_idx" ON "complaints" USING btree ("due_at") WHERE status in ('new', 'routed', 'in_progress', 'reopened');--> statement-breakpoint
CREATE INDEX "complaint_events_complaint_at_idx" ON "complaint_events" USING btree ("complaint_id","at");