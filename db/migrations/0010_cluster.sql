CREATE TABLE "change_feed" (
	"seq" bigint PRIMARY KEY NOT NULL,
	"committed_at" timestamp with time zone NOT NULL,
	"node" text NOT NULL,
	"payload" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "change_feed_head" (
	"id" integer PRIMARY KEY NOT NULL,
	"seq" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "leadership" (
	"name" text PRIMARY KEY NOT NULL,
	"term" bigint NOT NULL,
	"node" text,
	"since" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "socket_io_attachments" (
	"id" bigserial NOT NULL,
	"created_at" timestamp with time zone DEFAULT now(),
	"payload" "bytea",
	CONSTRAINT "socket_io_attachments_id_unique" UNIQUE("id")
);
--> statement-breakpoint
CREATE INDEX "change_feed_committed_at_idx" ON "change_feed" USING btree ("committed_at");--> statement-breakpoint
-- The feed's counter and the leader's fencing record are single rows every node updates; they exist from the start.
INSERT INTO "change_feed_head" ("id", "seq") VALUES (1, 0);
--> statement-breakpoint
INSERT INTO "leadership" ("name", "term") VALUES ('main', 0);
