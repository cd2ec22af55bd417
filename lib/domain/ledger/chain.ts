import canonicalize from "canonicalize";
import { createHash } from "node:crypto";

export const GENESIS_HASH = "0".repeat(64);

/** What a caller supplies; sequence, time and hashes are assigned at append. */
export type TLedgerInput = {
  actorType: "user" | "token" | "cli" | "system" | "anonymous";
  actorId: string | null;
  actorRole: string | null;
  action: string;
  target: string | null;
  summary: string;
  requestId: string | null;
  payloadHash: string | null;
};

export type TLedgerEntry = TLedgerInput & { seq: number; at: string };
export type TStoredLedgerEntry = TLedgerEntry & { canonical: string; prevHash: string; hash: string };

const str = (v: string | null) => (v === null ? "null" : JSON.stringify(v));

/**
 * RFC 8785 canonical JSON of every field that the hash covers (all but the hashes themselves).
 * Written out for this fixed shape, keys in sorted order, because verification runs it per entry;
 * JCS serialises strings and integers exactly as JSON.stringify does, and a unit test checks the
 * result against a general RFC 8785 implementation.
 */
export function canonicalEntry(e: TLedgerEntry): string {
  if (!Number.isSafeInteger(e.seq)) throw new Error("ledger seq must be a safe integer");
  return `{"action":${str(e.action)},"actorId":${str(e.actorId)},"actorRole":${str(e.actorRole)},"actorType":${str(e.actorType)},"at":${str(e.at)},"payloadHash":${str(e.payloadHash)},"requestId":${str(e.requestId)},"seq":${e.seq},"summary":${str(e.summary)},"target":${str(e.target)}}`;
}

/** The general RFC 8785 form, for tests and for anyone re-implementing verification elsewhere. */
export function canonicalEntryReference(e: TLedgerEntry): string | undefined {
  const { seq, at, actorType, actorId, actorRole, action, target, summary, requestId, payloadHash } = e;
  return canonicalize({ seq, at, actorType, actorId, actorRole, action, target, summary, requestId, payloadHash });
}

export const sha256Hex = (text: string): string => createHash("sha256").update(text, "utf8").digest("hex");

export function chainHash(prevHash: string, canonical: string): string {
  return sha256Hex(prevHash + canonical);
}

export type TVerifyProblem = "edited" | "broken_link" | "missing" | "truncated";
export type TVerifyResult =
  | { ok: true; count: number; headSeq: number; headHash: string }
  | { ok: false; count: number; seq: number; problem: TVerifyProblem };

/**
 * Walks entries in ascending `seq` and reports the first one that does not fit: its columns no longer
 * produce its canonical text or hash (edited), it does not link to the previous hash (reordered or a
 * predecessor removed), its seq skips a number (deleted), or the chain ends before the recorded head
 * (tail dropped). Feed it entries incrementally via `createVerifier` for large ledgers.
 */
export function createVerifier(head?: { seq: number; hash: string }) {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let count = 0;
  let failure: TVerifyResult | null = null;
  return {
    push(e: TStoredLedgerEntry): boolean {
      if (failure) return false;
      count++;
      const fail = (problem: TVerifyProblem, seq = e.seq) => {
        failure = { ok: false, count, seq, problem };
        return false;
      };
      if (e.seq !== expectedSeq) return fail(e.seq > expectedSeq ? "missing" : "broken_link", expectedSeq);
      if (canonicalEntry(e) !== e.canonical || chainHash(e.prevHash, e.canonical) !== e.hash) return fail("edited");
      if (e.prevHash !== prevHash) return fail("broken_link");
      prevHash = e.hash;
      expectedSeq++;
      return true;
    },
    result(): TVerifyResult {
      if (failure) return failure;
      const headSeq = expectedSeq - 1;
      if (head && (head.seq !== headSeq || head.hash !== prevHash)) {
        return { ok: false, count, seq: Math.min(head.seq, headSeq + 1), problem: "truncated" };
      }
      return { ok: true, count, headSeq, headHash: prevHash };
    },
  };
}

export function verifyChain(
  entries: Iterable<TStoredLedgerEntry>,
  head?: { seq: number; hash: string },
): TVerifyResult {
  const v = createVerifier(head);
  for (const e of entries) if (!v.push(e)) break;
  return v.result();
}
