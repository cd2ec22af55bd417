import { describe, expect, it } from "vitest";
import { hashBytes, OrgInterner, ShadowRows } from "./store";

const bytes = (text: string) => new TextEncoder().encode(text);

describe("OrgInterner", () => {
  it("gives each distinct id one number, in order of first sight, from bytes or strings alike", () => {
    const interner = new OrgInterner();
    const line = bytes('xx"org-1" "org-22" "org-1" "مؤسسة"');
    const at = (s: number, e: number) => interner.intern(line, s, e, hashBytes(line, s, e));
    expect(at(3, 8)).toBe(0);
    expect(at(11, 17)).toBe(1);
    expect(at(20, 25)).toBe(0);
    expect(interner.internString("org-22")).toBe(1);
    expect(interner.internString("مؤسسة")).toBe(2);
    expect(interner.names).toEqual(["org-1", "org-22", "مؤسسة"]);
  });

  it("keeps ids apart that share a hash slot and grows past its first table", () => {
    const interner = new OrgInterner();
    const ids = Array.from({ length: 5000 }, (_, i) => `org-${i.toString(36)}`);
    ids.forEach((id, i) => expect(interner.internString(id)).toBe(i));
    ids.forEach((id, i) => expect(interner.internString(id)).toBe(i));
    expect(interner.size).toBe(5000);
  });
});

describe("ShadowRows", () => {
  it("grows from any capacity, zero included", () => {
    const rows = new ShadowRows(0);
    for (let i = 0; i < 3000; i++) rows.push(i, i, 0, 0, i, 0, i + 1, i * 10);
    expect(rows.length).toBe(3000);
    expect([rows.org[2999], rows.line[2999], rows.offset[2999]]).toEqual([2999, 3000, 29990]);
  });
});
