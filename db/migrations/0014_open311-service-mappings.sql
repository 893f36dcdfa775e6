CREATE TABLE "open311_service_mappings" (
	"id" serial PRIMARY KEY NOT NULL,
	"source_host" text NOT NULL,
	"service_code" text NOT NULL,
	"service_name" text NOT NULL,
	"description" text,
	"proposed_category" text,
	"proposed_confidence" real,
	"state" text DEFAULT 'proposed' NOT NULL,
	"category_code" text,
	"confirmed_by" text,
	"confirmed_at" timestamp with time zone,
	"read_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "open311_service_mappings_host_code_uq" ON "open311_service_mappings" USING btree ("source_host","service_code");