import canonicalize from "canonicalize";
import { hash } from "node:crypto";

export const GENESIS_HASH = "0".repeat(64);

/**
 * The API token an entry was made through (personal or agent) and the user who created that token.
 * Absent for sign-ins, the CLI and the system; entries written before it existed have none.
 */
export type TLedgerVia = { tokenId: string; createdBy: string | null };

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
  via?: TLedgerVia | null;
};

export type TLedgerEntry = TLedgerInput & { seq: number; at: string };
export type TStoredLedgerEntry = TLedgerEntry & { canonical: string; prevHash: string; hash: string };

const str = (v: string | null) => (v === null ? "null" : JSON.stringify(v));

/** The canonical text around the two values fixed only when the entry is chained: `at` and `seq`. */
export type TCanonicalParts = { beforeAt: string; beforeSeq: string; afterSeq: string };

/**
 * RFC 8785 canonical JSON of every field that the hash covers (all but the hashes themselves), split
 * where `at` and `seq` go: canonical = beforeAt ‖ at ‖ beforeSeq ‖ seq ‖ afterSeq. The database
 * (migration 20261121045000 `ledger_append`) joins these fragments at commit, so JSON string escaping
 * lives only here, in the code the verifier also runs. Keys are in sorted order; JCS serialises
 * strings and integers exactly as JSON.stringify does (a unit test checks against RFC 8785).
 * `via` is in the text only when the entry has one, so entries from before it existed (migration
 * 20261203120000) keep their canonical text and verify unchanged.
 */
export function canonicalParts(e: TLedgerInput): TCanonicalParts {
  const via = e.via ? `,"via":{"createdBy":${str(e.via.createdBy)},"tokenId":${str(e.via.tokenId)}}` : "";
  return {
    beforeAt: `{"action":${str(e.action)},"actorId":${str(e.actorId)},"actorRole":${str(e.actorRole)},"actorType":${str(e.actorType)},"at":"`,
    beforeSeq: `","payloadHash":${str(e.payloadHash)},"requestId":${str(e.requestId)},"seq":`,
    afterSeq: `,"summary":${str(e.summary)},"target":${str(e.target)}${via}}`,
  };
}

/** The canonical JSON of a chained entry; `at` is an ISO-8601 UTC instant with milliseconds. */
export function canonicalEntry(e: TLedgerEntry): string {
  if (!Number.isSafeInteger(e.seq)) throw new Error("ledger seq must be a safe integer");
  const p = canonicalParts(e);
  return `${p.beforeAt}${e.at}${p.beforeSeq}${e.seq}${p.afterSeq}`;
}

/** The general RFC 8785 form, for tests and for anyone re-implementing verification elsewhere. */
export function canonicalEntryReference(e: TLedgerEntry): string | undefined {
  const { seq, at, actorType, actorId, actorRole, action, target, summary, requestId, payloadHash, via } = e;
  const fields = { seq, at, actorType, actorId, actorRole, action, target, summary, requestId, payloadHash };
  return canonicalize(via ? { ...fields, via: { tokenId: via.tokenId, createdBy: via.createdBy } } : fields);
}

// One-shot crypto.hash (Node ≥ 20.12) is about twice as fast as createHash for short inputs.
export const sha256Hex = (text: string): string => hash("sha256", text, "hex");

export function chainHash(prevHash: string, canonical: string): string {
  return sha256Hex(prevHash + canonical);
}

export type TVerifyProblem = "edited" | "broken_link" | "missing" | "truncated" | "beyond_head";
export type TVerifyResult =
  | { ok: true; count: number; headSeq: number; headHash: string }
  | { ok: false; count: number; seq: number; problem: TVerifyProblem };

/**
 * Walks entries in ascending `seq` and reports the first one that does not fit: its columns no longer
 * produce its canonical text or its canonical text no longer produces its hash (edited), it does not
 * link to the previous hash (reordered or a predecessor removed), its seq skips a number (deleted), or
 * the chain ends before the recorded head (tail dropped), or rows exist past the head (written around
 * the chaining path; `firstBeyondHead` is the lowest such seq). Feed it entries incrementally: `push` with a
 * whole entry, or `pushLinked` when the reader has already compared the columns with the canonical
 * text (lib/data/ledger.ts does that in its query, so a million entries need no object each here).
 */
export function createVerifier(head?: { seq: number; hash: string; firstBeyondHead?: number | null }) {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let count = 0;
  let failure: TVerifyResult | null = null;
  const fail = (problem: TVerifyProblem, seq: number) => {
    failure = { ok: false, count, seq, problem };
    return false;
  };
  const pushLinked = (
    seq: number,
    columnsMatch: boolean,
    canonical: string,
    linkedTo: string,
    hash: string,
  ): boolean => {
    if (failure) return false;
    count++;
    if (seq !== expectedSeq) return fail(seq > expectedSeq ? "missing" : "broken_link", expectedSeq);
    if (!columnsMatch || sha256Hex(linkedTo + canonical) !== hash) return fail("edited", seq);
    if (linkedTo !== prevHash) return fail("broken_link", seq);
    prevHash = hash;
    expectedSeq++;
    return true;
  };
  return {
    pushLinked,
    push: (e: TStoredLedgerEntry): boolean =>
      pushLinked(e.seq, canonicalEntry(e) === e.canonical, e.canonical, e.prevHash, e.hash),
    result(): TVerifyResult {
      if (failure) return failure;
      const headSeq = expectedSeq - 1;
      if (head && (head.seq !== headSeq || head.hash !== prevHash)) {
        return { ok: false, count, seq: Math.min(head.seq, headSeq + 1), problem: "truncated" };
      }
      if (head?.firstBeyondHead != null) return { ok: false, count, seq: head.firstBeyondHead, problem: "beyond_head" };
      return { ok: true, count, headSeq, headHash: prevHash };
    },
  };
}

export function verifyChain(
  entries: Iterable<TStoredLedgerEntry>,
  head?: { seq: number; hash: string; firstBeyondHead?: number | null },
): TVerifyResult {
  const v = createVerifier(head);
  for (const e of entries) if (!v.push(e)) break;
  return v.result();
}
