CREATE TABLE "incidents" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "incidents_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"block_code" text NOT NULL,
	"category_code" text NOT NULL,
	"municipality_oktmo" text NOT NULL,
	"place" text NOT NULL,
	"lat" double precision,
	"lon" double precision,
	"problem_id" bigint,
	"executor_code" text,
	"opened_at" timestamp with time zone NOT NULL,
	"detected_at" timestamp with time zone NOT NULL,
	"last_at" timestamp with time zone NOT NULL,
	"complaints" integer NOT NULL,
	"usual_low" integer NOT NULL,
	"usual_high" integer NOT NULL,
	"status" text DEFAULT 'new' NOT NULL,
	"acknowledged_by" bigint,
	"acknowledged_by_name" text,
	"acknowledged_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"closed_by" text
);
--> statement-breakpoint
CREATE UNIQUE INDEX "incidents_live_uidx" ON "incidents" USING btree ("municipality_oktmo","category_code") WHERE status <> 'closed';--> statement-breakpoint
CREATE INDEX "incidents_opened_idx" ON "incidents" USING btree ("opened_at");--> statement-breakpoint
CREATE INDEX "incidents_live_idx" ON "incidents" USING btree ("status") WHERE status <> 'closed';