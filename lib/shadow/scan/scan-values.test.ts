import { describe, expect, it } from "vitest";
import { special } from "./scan-values";

const isSpecial = (byte: number) => byte === 0x22 || byte === 0x5c || byte < 0x20;
const word = (b0: number, b1: number, b2: number, b3: number) => (b0 | (b1 << 8) | (b2 << 16) | (b3 << 24)) >>> 0;

describe("special (4 bytes at a time)", () => {
  it("flags a word exactly when one of its bytes is a quote, a backslash or a control character", () => {
    // Every byte value in every position, next to bytes that are and are not special.
    const wrong: number[][] = [];
    for (let v = 0; v < 256; v++) {
      for (const other of [0x41, 0xff, 0x80, 0x21, 0x1f, 0x22, 0x5c, 0x00]) {
        for (let at = 0; at < 4; at++) {
          const bytes = [other, other, other, other];
          bytes[at] = v;
          if (special(word(bytes[0]!, bytes[1]!, bytes[2]!, bytes[3]!)) !== bytes.some(isSpecial)) wrong.push(bytes);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it("agrees with a byte-by-byte check on random words", () => {
    let seed = 7;
    const next = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) >>> 24;
    const wrong: number[][] = [];
    for (let i = 0; i < 200_000; i++) {
      const bytes = [next(), next(), next(), next()];
      if (special(word(bytes[0]!, bytes[1]!, bytes[2]!, bytes[3]!)) !== bytes.some(isSpecial)) wrong.push(bytes);
    }
    expect(wrong).toEqual([]);
  });
});
