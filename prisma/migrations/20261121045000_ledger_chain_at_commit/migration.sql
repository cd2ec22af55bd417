-- Ledger appends are chained inside COMMIT. A transaction records its entries in "ledger_pending"
-- (no lock, no contention); a deferred constraint trigger moves each one into "ledger_entries" at
-- commit time: it locks the head row, assigns the next seq and the time, builds the canonical JSON
-- from the fragments the application serialised, hashes it and moves the head. The head lock is
-- therefore held for the trigger and the commit record only, never across a round trip to the
-- application, and the entry still commits or rolls back with the change it records.

-- Chains one entry onto the head: the only code that writes "ledger_entries" and "ledger_head".
-- The canonical text is before_at ‖ at ‖ before_seq ‖ seq ‖ after_seq, the fragments coming from
-- lib/domain/ledger/chain.ts canonicalParts (JSON string escaping stays in one implementation, the
-- one the verifier uses); the verifier rebuilds it from the columns, so a mismatch reads as "edited".
CREATE FUNCTION "ledger_append"(
  "p_actor_type" TEXT, "p_actor_id" TEXT, "p_actor_role" TEXT, "p_action" TEXT, "p_target" TEXT,
  "p_summary" TEXT, "p_request_id" TEXT, "p_payload_hash" TEXT,
  "p_before_at" TEXT, "p_before_seq" TEXT, "p_after_seq" TEXT
) RETURNS TABLE ("entry_seq" BIGINT, "entry_hash" TEXT) LANGUAGE plpgsql AS $$
DECLARE
  v_seq BIGINT;
  v_prev TEXT;
  v_at TIMESTAMPTZ;
  v_canonical TEXT;
  v_hash TEXT;
BEGIN
  SELECT h."seq", h."hash" INTO v_seq, v_prev FROM "ledger_head" h WHERE h."id" = 1 FOR UPDATE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'ledger_head row missing: run the migrations';
  END IF;
  v_seq := v_seq + 1;
  -- Millisecond precision, as the column stores it, taken under the lock so time follows seq.
  v_at := date_trunc('milliseconds', clock_timestamp());
  v_canonical := p_before_at || to_char(v_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
    || p_before_seq || v_seq::TEXT || p_after_seq;
  v_hash := encode(sha256(convert_to(v_prev || v_canonical, 'UTF8')), 'hex');
  INSERT INTO "ledger_entries" ("seq", "at", "actor_type", "actor_id", "actor_role", "action", "target", "summary",
                                "request_id", "payload_hash", "canonical", "prev_hash", "hash")
  VALUES (v_seq, v_at, p_actor_type, p_actor_id, p_actor_role, p_action, p_target, p_summary,
          p_request_id, p_payload_hash, v_canonical, v_prev, v_hash);
  UPDATE "ledger_head" SET "seq" = v_seq, "hash" = v_hash WHERE "id" = 1;
  entry_seq := v_seq;
  entry_hash := v_hash;
  RETURN NEXT;
END;
$$;

-- Entries waiting for their transaction's COMMIT. Always empty between transactions.
CREATE TABLE "ledger_pending" (
  "id" BIGSERIAL PRIMARY KEY,
  "actor_type" TEXT NOT NULL,
  "actor_id" TEXT,
  "actor_role" TEXT,
  "action" TEXT NOT NULL,
  "target" TEXT,
  "summary" TEXT NOT NULL,
  "request_id" TEXT,
  "payload_hash" TEXT,
  "before_at" TEXT NOT NULL,
  "before_seq" TEXT NOT NULL,
  "after_seq" TEXT NOT NULL
);

CREATE FUNCTION "ledger_pending_chain"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "ledger_append"(NEW."actor_type", NEW."actor_id", NEW."actor_role", NEW."action", NEW."target",
                          NEW."summary", NEW."request_id", NEW."payload_hash",
                          NEW."before_at", NEW."before_seq", NEW."after_seq");
  DELETE FROM "ledger_pending" WHERE "id" = NEW."id";
  RETURN NULL;
END;
$$;

-- Deferred: fires in COMMIT, in the order the entries were recorded; an entry recorded in a
-- savepoint that is rolled back is discarded with it.
CREATE CONSTRAINT TRIGGER "ledger_pending_chain"
  AFTER INSERT ON "ledger_pending"
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION "ledger_pending_chain"();
