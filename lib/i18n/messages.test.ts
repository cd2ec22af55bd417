import { describe, expect, it } from "vitest";
import ar from "./messages/ar.json";
import en from "./messages/en.json";
import { REGIONS } from "../domain/seed/types";
import { TIERS } from "../domain/accounts/tiers";

type Tree = { [k: string]: string | Tree };
const flatten = (t: Tree, prefix = ""): Record<string, string> =>
  Object.fromEntries(
    Object.entries(t).flatMap(([k, v]) =>
      typeof v === "string" ? [[`${prefix}${k}`, v]] : Object.entries(flatten(v, `${prefix}${k}.`)),
    ),
  );

const EN = flatten(en as Tree);
const AR = flatten(ar as Tree);
const placeholders = (s: string) =>
  [...s.matchAll(/\{(\w+)(?:[,}])/g)]
    .map((m) => m[1])
    .filter((p, i, a) => a.indexOf(p) === i)
    .sort();

describe("message files", () => {
  it("have exactly the same keys in English and Arabic", () => {
    expect(Object.keys(AR).filter((k) => !(k in EN))).toEqual([]);
    expect(Object.keys(EN).filter((k) => !(k in AR))).toEqual([]);
  });

  it("have no empty messages", () => {
    expect(Object.entries({ ...EN, ...AR }).filter(([, v]) => v.trim() === "")).toEqual([]);
  });

  it("use the same placeholders in both languages", () => {
    for (const key of Object.keys(EN)) expect([key, placeholders(AR[key]!)]).toEqual([key, placeholders(EN[key]!)]);
  });

  it("give every Arabic plural all six CLDR categories", () => {
    const plurals = Object.entries(AR).filter(([, v]) => /\{count, plural,/.test(v));
    expect(plurals.length).toBeGreaterThan(0);
    for (const [key, v] of plurals) {
      for (const cat of ["zero", "one", "two", "few", "many", "other"])
        expect([key, v.includes(` ${cat} {`)]).toEqual([key, true]);
    }
  });

  it("name every region and tier the data can hold", () => {
    for (const r of REGIONS) expect([r, EN[`regions.${r}`] && AR[`regions.${r}`]]).toEqual([r, expect.any(String)]);
    for (const t of TIERS) expect([t, EN[`tiers.${t}`] && AR[`tiers.${t}`]]).toEqual([t, expect.any(String)]);
  });
});
