-- Open311 keys issued before identities keep working: they become source credentials (the same SHA-256).
INSERT INTO "credentials" ("token_hash", "kind", "source_code", "label", "created_at", "created_by", "revoked_at")
SELECT "key_hash", 'source', "source_code", "label", "created_at", 'system:migration', "revoked_at" FROM "api_keys";--> statement-breakpoint
DROP TABLE "api_keys" CASCADE;--> statement-breakpoint
-- The audit log is append-only: nobody, the app included, rewrites or deletes what happened.
CREATE FUNCTION "audit_log_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$;--> statement-breakpoint
CREATE TRIGGER "audit_log_no_update" BEFORE UPDATE OR DELETE ON "audit_log"
  FOR EACH ROW EXECUTE FUNCTION "audit_log_append_only"();--> statement-breakpoint
CREATE TRIGGER "audit_log_no_truncate" BEFORE TRUNCATE ON "audit_log"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_log_append_only"();
