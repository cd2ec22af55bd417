import { z } from "zod";
import { PROPOSAL_KINDS } from "./payloads";
import { PROPOSAL_STATES } from "./state-machine";

// Age buckets a reviewer actually uses: just in, waiting since yesterday, waiting for days.
export const AGE_HOURS = ["1", "24", "72"] as const;

const FIELDS = {
  state: z.enum([...PROPOSAL_STATES, "all"]),
  kind: z.enum(PROPOSAL_KINDS),
  account: z.uuid(),
  proposer: z.enum(["me", "others"]),
  age: z.enum(AGE_HOURS),
};

export type TInboxFilters = {
  state: (typeof PROPOSAL_STATES)[number] | "all";
  kind?: (typeof PROPOSAL_KINDS)[number];
  account?: string;
  proposer?: "me" | "others";
  age?: (typeof AGE_HOURS)[number];
};

/** Inbox filters from the URL; bad values are dropped and named, as on the accounts list. */
export function parseInboxFilters(
  params: Record<string, string | string[] | undefined>,
  defaultState: TInboxFilters["state"],
) {
  const filters: TInboxFilters = { state: defaultState };
  const ignored: string[] = [];
  for (const key of Object.keys(FIELDS) as (keyof typeof FIELDS)[]) {
    const raw = params[key];
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (value === undefined || value === "") continue;
    const parsed = FIELDS[key].safeParse(value);
    if (parsed.success) (filters as Record<string, unknown>)[key] = parsed.data;
    else ignored.push(key);
  }
  return { filters, ignored };
}
