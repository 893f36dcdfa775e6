CREATE TABLE "rollup_region_daily" (
	"day" date NOT NULL,
	"region_code" text NOT NULL,
	"block_code" text NOT NULL,
	"received" integer DEFAULT 0 NOT NULL,
	"resolved" integer DEFAULT 0 NOT NULL,
	"resolved_on_time" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "rollup_region_daily_day_region_code_block_code_pk" PRIMARY KEY("day","region_code","block_code")
);
--> statement-breakpoint
CREATE TABLE "rollup_region_open" (
	"region_code" text NOT NULL,
	"block_code" text NOT NULL,
	"on_time" integer DEFAULT 0 NOT NULL,
	"late" integer DEFAULT 0 NOT NULL,
	"very_late" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "rollup_region_open_region_code_block_code_pk" PRIMARY KEY("region_code","block_code")
);
--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "region_code" text DEFAULT 'RU-MOS' NOT NULL;--> statement-breakpoint
CREATE INDEX "complaints_foreign_region_idx" ON "complaints" USING btree ("region_code","received_at") WHERE region_code <> 'RU-MOS';--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_region_code_check" CHECK (region_code ~ '^[A-Z]{2}-[A-Z0-9]{2,3}$');