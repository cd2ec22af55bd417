-- Ledger: token provenance on every entry, and only the chaining path may write the chain.
--
-- 1. "via": the API token an entry was made through and the user who created it. Two nullable
--    columns; lib/domain/ledger/chain.ts canonicalParts puts them in the canonical text only when
--    present, so every entry written before this migration keeps its canonical text and verifies.
-- 2. A direct INSERT into "ledger_entries" (e.g. at head + 1, which verify used to skip and which
--    made the next real append fail) and any write to "ledger_head" are refused unless they come
--    from "ledger_append", which turns the transaction-local flag "ledger.appending" on for its own
--    duration only (set_config: put back on return; an error aborts the transaction or rolls back
--    the savepoint, which undoes it too). Not a SET clause on the function: PostgreSQL lets only a
--    superuser attach a custom parameter to a function, and the owner role is none. This works on
--    PGlite's single role too. On PostgreSQL the documented setup (scripts/db-role.sql) also runs the
--    app as a role without INSERT/UPDATE on these tables and without superuser or ownership, so it can
--    neither set session_replication_role nor disable the triggers; "ledger_append" is SECURITY
--    DEFINER so that role can still append through it.

ALTER TABLE "ledger_entries" ADD COLUMN "via_token_id" TEXT, ADD COLUMN "via_token_created_by" TEXT;
ALTER TABLE "ledger_pending" ADD COLUMN "via_token_id" TEXT, ADD COLUMN "via_token_created_by" TEXT;

CREATE FUNCTION "ledger_chain_guard"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF coalesce(current_setting('ledger.appending', true), '') <> 'on' THEN
    RAISE EXCEPTION '% on % refused: only ledger_append writes the ledger chain', TG_OP, TG_TABLE_NAME
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END;
$$;
CREATE TRIGGER "ledger_entries_only_by_append"
  BEFORE INSERT ON "ledger_entries"
  FOR EACH ROW EXECUTE FUNCTION "ledger_chain_guard"();
CREATE TRIGGER "ledger_head_only_by_append"
  BEFORE INSERT OR UPDATE OR DELETE ON "ledger_head"
  FOR EACH ROW EXECUTE FUNCTION "ledger_chain_guard"();
CREATE TRIGGER "ledger_head_no_truncate"
  BEFORE TRUNCATE ON "ledger_head"
  FOR EACH STATEMENT EXECUTE FUNCTION "ledger_entries_append_only"();

-- The new version of the one writer: the same chaining as migration 20261121045000, with "via".
-- The canonical text's fragments still come from canonicalParts (which includes "via" in after_seq).
CREATE FUNCTION "ledger_append"(
  "p_actor_type" TEXT, "p_actor_id" TEXT, "p_actor_role" TEXT, "p_action" TEXT, "p_target" TEXT,
  "p_summary" TEXT, "p_request_id" TEXT, "p_payload_hash" TEXT,
  "p_via_token_id" TEXT, "p_via_token_created_by" TEXT,
  "p_before_at" TEXT, "p_before_seq" TEXT, "p_after_seq" TEXT
) RETURNS TABLE ("entry_seq" BIGINT, "entry_hash" TEXT) LANGUAGE plpgsql
  SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
  v_flag TEXT := current_setting('ledger.appending', true);
  v_seq BIGINT;
  v_prev TEXT;
  v_at TIMESTAMPTZ;
  v_canonical TEXT;
  v_hash TEXT;
BEGIN
  PERFORM set_config('ledger.appending', 'on', true);
  SELECT h."seq", h."hash" INTO v_seq, v_prev FROM "ledger_head" h WHERE h."id" = 1 FOR UPDATE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'ledger_head row missing: run the migrations';
  END IF;
  v_seq := v_seq + 1;
  v_at := date_trunc('milliseconds', clock_timestamp());
  v_canonical := p_before_at || to_char(v_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
    || p_before_seq || v_seq::TEXT || p_after_seq;
  v_hash := encode(sha256(convert_to(v_prev || v_canonical, 'UTF8')), 'hex');
  INSERT INTO "ledger_entries" ("seq", "at", "actor_type", "actor_id", "actor_role", "action", "target", "summary",
                                "request_id", "payload_hash", "via_token_id", "via_token_created_by",
                                "canonical", "prev_hash", "hash")
  VALUES (v_seq, v_at, p_actor_type, p_actor_id, p_actor_role, p_action, p_target, p_summary,
          p_request_id, p_payload_hash, p_via_token_id, p_via_token_created_by, v_canonical, v_prev, v_hash);
  UPDATE "ledger_head" SET "seq" = v_seq, "hash" = v_hash WHERE "id" = 1;
  PERFORM set_config('ledger.appending', coalesce(v_flag, ''), true);
  entry_seq := v_seq;
  entry_hash := v_hash;
  RETURN NEXT;
END;
$$;

CREATE OR REPLACE FUNCTION "ledger_pending_chain"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "ledger_append"(NEW."actor_type", NEW."actor_id", NEW."actor_role", NEW."action", NEW."target",
                          NEW."summary", NEW."request_id", NEW."payload_hash",
                          NEW."via_token_id", NEW."via_token_created_by",
                          NEW."before_at", NEW."before_seq", NEW."after_seq");
  DELETE FROM "ledger_pending" WHERE "id" = NEW."id";
  RETURN NULL;
END;
$$;

-- The old version would now be refused by the guard anyway; dropping it leaves one writer.
DROP FUNCTION "ledger_append"(TEXT, TEXT, TEXT, TEXT, TEXT, TEXT, TEXT, TEXT, TEXT, TEXT, TEXT);
