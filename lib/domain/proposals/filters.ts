import { z } from "zod";
import { PROPOSAL_KINDS } from "./payloads";
import { PROPOSAL_STATES } from "./state-machine";
import { parseParams } from "../url-params";

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
): { filters: TInboxFilters; ignored: string[] } {
  const { values, ignored } = parseParams(FIELDS, params);
  return { filters: { state: defaultState, ...values }, ignored };
}
