import { z } from "zod";
import { zLine } from "../text/safe-text";
import { COPY_CATEGORIES, type TCopyCategory } from "./categories";
import type { TGuardLists } from "./default-lists";
import { parsePhrase } from "./phrase";

export const MAX_PHRASE = 1000;
export const MAX_PHRASES_PER_LIST = 300;
/** A phrase the guard cannot read (phrase.ts): the form names the line. */
export const PHRASE_INVALID_CODE = "validation.phrase_invalid";

// One list: trimmed lines, empty ones dropped, duplicates once; every line must parse.
const ZPhraseList = z
  .array(zLine(MAX_PHRASE))
  .max(MAX_PHRASES_PER_LIST)
  .transform((l) => [...new Set(l.filter(Boolean))])
  .pipe(z.array(z.string().refine((p) => parsePhrase(p).ok, { message: PHRASE_INVALID_CODE })));

const ZCategoryList = z.object({ block: ZPhraseList, allow: ZPhraseList });

/** The lists founders save (Settings → Copy guard): every category, its block and allow phrases, the competitors. */
export const ZGuardLists = z.object({
  categories: z.object(
    Object.fromEntries(COPY_CATEGORIES.map((c) => [c, ZCategoryList])) as Record<TCopyCategory, typeof ZCategoryList>,
  ),
  competitors: ZPhraseList,
}) satisfies z.ZodType<TGuardLists, unknown>;

/** Reads stored lists; null when the text is not valid lists (the caller falls back to the defaults). Pure. */
export function readLists(text: string): TGuardLists | null {
  try {
    const r = ZGuardLists.safeParse(JSON.parse(text));
    return r.success ? r.data : null;
  } catch {
    return null;
  }
}

/** How a save changed the lists, for the ledger: phrases added and removed per list. Pure. */
export function describeListChange(before: TGuardLists, after: TGuardLists): string {
  const parts: string[] = [];
  const diff = (name: string, a: readonly string[], b: readonly string[]) => {
    const added = b.filter((p) => !a.includes(p));
    const removed = a.filter((p) => !b.includes(p));
    if (added.length || removed.length)
      parts.push(
        `${name}: +${added.length} -${removed.length}` +
          (added.length
            ? ` added ${added
                .slice(0, 3)
                .map((p) => `"${p}"`)
                .join(", ")}${added.length > 3 ? "…" : ""}`
            : "") +
          (removed.length
            ? ` removed ${removed
                .slice(0, 3)
                .map((p) => `"${p}"`)
                .join(", ")}${removed.length > 3 ? "…" : ""}`
            : ""),
      );
  };
  for (const c of COPY_CATEGORIES) {
    diff(`${c}.block`, before.categories[c].block, after.categories[c].block);
    diff(`${c}.allow`, before.categories[c].allow, after.categories[c].allow);
  }
  diff("competitors", before.competitors, after.competitors);
  return parts.length ? parts.join("; ") : "no change";
}
