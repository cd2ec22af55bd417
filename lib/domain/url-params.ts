import type { z } from "zod";
import { hasControlCharacters } from "./text/safe-text";

/**
 * Reads URL search params against one zod schema per key. Each key is validated on its own: a bad
 * value is dropped and its key named in `ignored` (pages say so) instead of failing the whole view.
 * Repeated keys use their first value; empty values (also after trimming) count as absent. A value
 * with a control character (NUL, C0/C1, CR/LF, tab) is bad whatever its schema: no filter needs one,
 * and the database refuses NUL (issue 10: `?q=%00` gave 500).
 */
export function parseParams<F extends Record<string, z.ZodType>>(
  fields: F,
  params: Record<string, string | string[] | undefined>,
): { values: Partial<{ [K in keyof F]: z.output<F[K]> }>; ignored: string[] } {
  const values: Partial<Record<keyof F, unknown>> = {};
  const ignored: string[] = [];
  for (const key of Object.keys(fields) as (keyof F & string)[]) {
    const raw = params[key];
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (value === undefined || value === "") continue;
    const parsed = hasControlCharacters(value) ? null : fields[key]!.safeParse(value);
    if (!parsed?.success) ignored.push(key);
    else if (parsed.data !== "") values[key] = parsed.data; // e.g. a search of only spaces
  }
  return { values: values as Partial<{ [K in keyof F]: z.output<F[K]> }>, ignored };
}
