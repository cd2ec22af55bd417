import * as keys from "./scan-keys";
import { N, NEWLINE, type ValueScanner } from "./scan-values";

/**
 * Compiled shapes (see scan-line.ts): a learned line layout turned into a function that checks the
 * structural bytes as constants, four at a time, and reads the values in between with the scanner's
 * own readers; -1 as soon as a byte differs. Straight-line code with immediates runs about a third
 * faster than a loop over the shape's tables. The source holds only numbers and fixed names — nothing
 * from the input is pasted in as text — so a log line cannot steer it.
 */

// Copied once: bundlers compile imported bindings to getters.
const { VALUE_KIND, BIT_FOR_KEY, NULLABLE_KEYS, CONTAINER_KEYS, words } = keys;

export type TCompiledShape = (s: ValueScanner, b: Uint8Array, v: DataView, p: number) => number;
export const NO_SHAPE: TCompiledShape = () => -1;

// The reader of a leaf value of each kind (scan-keys.ts V_*); booleans take the bit they set.
const READERS = [
  "s.vTimestamp()",
  "s.vOrg()",
  "s.vRunId()",
  "s.vTier()",
  "s.vDays()",
  "s.vTemplate()",
  "s.vReasoning()",
  "s.vText()",
];
const reader = (key: number) => READERS[VALUE_KIND[key]!] ?? `s.vBoolean(${BIT_FOR_KEY[key]!})`;

/** `literals[i]` precedes the value of key `keyIds[i]`; the last literal closes the line. */
export function compileShape(literals: Uint8Array[], keyIds: Int8Array): TCompiledShape {
  const body: string[] = ["const n = b.length;"];
  const literal = (bytes: Uint8Array) => {
    body.push(`if (p + ${bytes.length} > n) return -1;`);
    const w = words(bytes);
    const checks: string[] = [];
    for (let i = 0; i < w.length; i++) checks.push(`v.getUint32(p + ${i * 4}, true) !== ${w[i]}`);
    for (let i = w.length * 4; i < bytes.length; i++) checks.push(`b[p + ${i}] !== ${bytes[i]}`);
    if (checks.length) body.push(`if (${checks.join(" || ")}) return -1;`);
    body.push(`p += ${bytes.length};`, "s.p = p;");
  };
  keyIds.forEach((key, i) => {
    literal(literals[i]!);
    const bit = 1 << key;
    // Object-valued keys are slots only when they were null; an object there is a different shape.
    if ((CONTAINER_KEYS & bit) !== 0) body.push(`if (b[p] !== ${N} || !s.nullLiteral()) return -1;`);
    else if ((NULLABLE_KEYS & bit) !== 0)
      body.push(`if (b[p] === ${N} ? !s.nullLiteral() : !${reader(key)}) return -1;`);
    else body.push(`if (!${reader(key)}) return -1;`);
    body.push("p = s.p;");
  });
  literal(literals[keyIds.length]!);
  body.push(`if (b[p] !== ${NEWLINE}) { s.ws(); p = s.p; if (b[p] !== ${NEWLINE}) return -1; }`, "return p;");
  return new Function("s", "b", "v", "p", body.join("\n")) as TCompiledShape;
}
