CREATE TABLE "rollup_open_hourly" (
	"municipality_oktmo" text NOT NULL,
	"block_code" text NOT NULL,
	"bucket" timestamp with time zone NOT NULL,
	"on_time" integer NOT NULL,
	"late" integer NOT NULL,
	"very_late" integer NOT NULL,
	CONSTRAINT "rollup_open_hourly_municipality_oktmo_block_code_bucket_pk" PRIMARY KEY("municipality_oktmo","block_code","bucket")
);
--> statement-breakpoint
ALTER TABLE "rollup_hourly_scope" ADD COLUMN "resolved" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "rollup_minute" ADD COLUMN "resolved" integer DEFAULT 0 NOT NULL;