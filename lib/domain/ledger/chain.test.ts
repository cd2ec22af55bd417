import { describe, expect, it } from "vitest";
import {
  GENESIS_HASH,
  canonicalEntry,
  canonicalEntryReference,
  canonicalParts,
  chainHash,
  createVerifier,
  verifyChain,
  type TStoredLedgerEntry,
} from "./chain";

function build(n: number): TStoredLedgerEntry[] {
  const out: TStoredLedgerEntry[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const entry = {
      seq,
      at: new Date(Date.UTC(2026, 0, 1, 0, 0, seq)).toISOString(),
      actorType: "user" as const,
      actorId: "u1",
      actorRole: "founder",
      action: "auth.sign_in",
      target: null,
      summary: seq % 2 ? "signed in" : "تسجيل دخول",
      requestId: `r${seq}`,
      payloadHash: null,
    };
    const canonical = canonicalEntry(entry);
    const hash = chainHash(prev, canonical);
    out.push({ ...entry, canonical, prevHash: prev, hash });
    prev = hash;
  }
  return out;
}

const headOf = (es: TStoredLedgerEntry[]) => ({ seq: es.at(-1)!.seq, hash: es.at(-1)!.hash });

describe("ledger chain", () => {
  it("verifies an intact chain and reports its head", () => {
    const es = build(5);
    expect(verifyChain(es, headOf(es))).toEqual({ ok: true, count: 5, headSeq: 5, headHash: es[4]!.hash });
  });

  it("verifies an empty ledger against the genesis head", () => {
    expect(verifyChain([], { seq: 0, hash: GENESIS_HASH })).toMatchObject({ ok: true, count: 0 });
  });

  it("canonical JSON sorts keys, so key order never changes the hash", () => {
    const [e] = build(1);
    const reordered = Object.fromEntries(Object.entries(e!).reverse()) as typeof e & object;
    expect(canonicalEntry(reordered)).toBe(e!.canonical);
  });

  it("writes exactly what a general RFC 8785 canonicaliser writes, for awkward strings too", () => {
    const awkward = ['"quoted"', "back\\slash", "ctrl\u0001\n\t", "عربي", "emoji 🙂", "\u2028", ""];
    for (const [i, text] of awkward.entries()) {
      const e = {
        seq: i + 1,
        at: "2026-01-01T00:00:00.000Z",
        actorType: "user" as const,
        actorId: text,
        actorRole: null,
        action: "a.b",
        target: text || null,
        summary: text,
        requestId: null,
        payloadHash: null,
      };
      expect(canonicalEntry(e)).toBe(canonicalEntryReference(e));
      // The fragments the database joins at commit make the same text.
      const p = canonicalParts(e);
      expect(`${p.beforeAt}${e.at}${p.beforeSeq}${e.seq}${p.afterSeq}`).toBe(canonicalEntryReference(e));
    }
  });

  it("names an entry whose columns the reader found not to match its canonical text", () => {
    const es = build(3);
    const v = createVerifier(headOf(es));
    expect(v.pushLinked(1, true, es[0]!.canonical, es[0]!.prevHash, es[0]!.hash)).toBe(true);
    expect(v.pushLinked(2, false, es[1]!.canonical, es[1]!.prevHash, es[1]!.hash)).toBe(false);
    expect(v.result()).toEqual({ ok: false, count: 2, seq: 2, problem: "edited" });
  });

  it("names an edited entry", () => {
    const es = build(5);
    es[2] = { ...es[2]!, summary: "changed" };
    expect(verifyChain(es)).toMatchObject({ ok: false, seq: 3, problem: "edited" });
  });

  it("names a deleted entry", () => {
    const es = build(5);
    es.splice(1, 1);
    expect(verifyChain(es)).toMatchObject({ ok: false, seq: 2, problem: "missing" });
  });

  it("names swapped entries", () => {
    const es = build(5);
    // Swap contents but keep seq numbers in order, as an attacker rewriting two rows would.
    const a = es[1]!;
    const b = es[2]!;
    es[1] = { ...b, seq: 2 };
    es[2] = { ...a, seq: 3 };
    expect(verifyChain(es)).toMatchObject({ ok: false, seq: 2 });
  });

  it("detects a dropped tail against the recorded head", () => {
    const es = build(5);
    const head = headOf(es);
    expect(verifyChain(es.slice(0, 3), head)).toMatchObject({ ok: false, seq: 4, problem: "truncated" });
  });

  it("detects a recomputed (forged) chain because the link to the real predecessor breaks", () => {
    const es = build(3);
    const forged = { ...es[1]!, summary: "forged" };
    forged.canonical = canonicalEntry(forged);
    forged.hash = chainHash(forged.prevHash, forged.canonical);
    es[1] = forged;
    expect(verifyChain(es)).toMatchObject({ ok: false, seq: 3, problem: "broken_link" });
  });

  it("leaves the canonical text of an entry without `via` exactly as it was before `via` existed", () => {
    const [e] = build(1);
    expect(e!.canonical).toBe(
      '{"action":"auth.sign_in","actorId":"u1","actorRole":"founder","actorType":"user","at":"2026-01-01T00:00:01.000Z","payloadHash":null,"requestId":"r1","seq":1,"summary":"signed in","target":null}',
    );
    expect(canonicalEntry({ ...e!, via: null })).toBe(e!.canonical);
  });

  it("puts a token's id and creator in the canonical text, as RFC 8785 orders them", () => {
    const [e] = build(1);
    for (const via of [
      { tokenId: '7f0c"tok', createdBy: "user:1" },
      { tokenId: "t2", createdBy: null },
    ]) {
      const withVia = { ...e!, via };
      expect(canonicalEntry(withVia)).toBe(canonicalEntryReference(withVia));
      expect(canonicalEntry(withVia)).not.toBe(e!.canonical);
    }
  });

  it("names an entry whose token provenance was changed", () => {
    const es = build(3).map((e) => ({ ...e, via: null as { tokenId: string; createdBy: string | null } | null }));
    let prev = es[0]!.hash;
    const viaEntry = { ...es[1]!, via: { tokenId: "t1", createdBy: "u-founder" } };
    viaEntry.canonical = canonicalEntry(viaEntry);
    viaEntry.hash = chainHash(prev, viaEntry.canonical);
    es[1] = viaEntry;
    prev = viaEntry.hash;
    es[2] = { ...es[2]!, prevHash: prev, hash: chainHash(prev, es[2]!.canonical) };
    expect(verifyChain(es, headOf(es))).toMatchObject({ ok: true, count: 3 });
    const tampered = es.map((e, i) => (i === 1 ? { ...e, via: { tokenId: "t1", createdBy: "u-csm" } } : e));
    expect(verifyChain(tampered)).toMatchObject({ ok: false, seq: 2, problem: "edited" });
    const dropped = es.map((e, i) => (i === 1 ? { ...e, via: null } : e));
    expect(verifyChain(dropped)).toMatchObject({ ok: false, seq: 2, problem: "edited" });
  });

  it("names the first row past the recorded head once the chain up to the head is intact", () => {
    const es = build(3);
    expect(verifyChain(es, { ...headOf(es), firstBeyondHead: 4 })).toEqual({
      ok: false,
      count: 3,
      seq: 4,
      problem: "beyond_head",
    });
    // An earlier break is reported first.
    es[1] = { ...es[1]!, summary: "changed" };
    expect(verifyChain(es, { ...headOf(es), firstBeyondHead: 4 })).toMatchObject({
      ok: false,
      seq: 2,
      problem: "edited",
    });
  });
});
