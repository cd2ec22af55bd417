import { describe, expect, it } from "vitest";
import { DEFAULT_LISTS } from "./default-lists";
import { describeListChange, readLists, ZGuardLists } from "./lists";

describe("the guard's lists", () => {
  it("the shipped defaults validate as founders' lists do (every phrase parses)", () => {
    const r = ZGuardLists.safeParse(DEFAULT_LISTS);
    expect(r.success ? [] : r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`)).toEqual([]);
    expect(r.data).toEqual(DEFAULT_LISTS);
  });

  it("drops blank lines and repeats, refuses a line that does not parse with its path", () => {
    const l = structuredClone(DEFAULT_LISTS);
    l.competitors = ["acme", " acme ", "", "acme"];
    expect(ZGuardLists.parse(l).competitors).toEqual(["acme"]);
    l.competitors = ["acme", "... acme"];
    const r = ZGuardLists.safeParse(l);
    expect(r.success ? null : r.error.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["competitors.1", "validation.phrase_invalid"],
    ]);
  });

  it("reads stored text back, or null for anything else", () => {
    expect(readLists(JSON.stringify(DEFAULT_LISTS))).toEqual(DEFAULT_LISTS);
    expect(readLists("not json")).toBeNull();
    expect(readLists(JSON.stringify({ competitors: [] }))).toBeNull();
  });

  it("describes a change for the ledger by list, with what was added and removed", () => {
    const after = structuredClone(DEFAULT_LISTS);
    after.categories.medical_language.block.push("detox");
    after.competitors = after.competitors.filter((c) => c !== "gong");
    expect(describeListChange(DEFAULT_LISTS, after)).toBe(
      'medical_language.block: +1 -0 added "detox"; competitors: +0 -1 removed "gong"',
    );
    expect(describeListChange(DEFAULT_LISTS, DEFAULT_LISTS)).toBe("no change");
  });
});
