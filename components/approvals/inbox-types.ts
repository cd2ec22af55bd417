import type { ReactNode } from "react";

/**
 * Why the viewer may or may not decide a pending proposal, for the buttons and the line that says
 * why one is missing. `who`: how the viewer is its maker (lib/domain/proposals/state-machine.ts isMaker).
 */
export type TGate =
  | { status: "decide" }
  | { status: "not_permitted" }
  | { status: "others_can_decide"; who: TMakerRole }
  | { status: "cooling_off"; who: TMakerRole; remainingMs: number }
  | { status: "ready"; who: TMakerRole };
export type TMakerRole = "proposer" | "token" | "editor";

export type TInboxItem = {
  id: string;
  kind: string;
  payloadHash: string;
  /** Null once decided. */
  gate: TGate | null;
  /** The outbound copy guard found a prohibited claim: approval waits for an edit. */
  blocked?: boolean;
  /** Its kind may be approved with other customer messages at once (lib/proposals/kinds/). */
  bulkApprovable?: boolean;
  card: ReactNode;
};

/** One card, or a group of one run's similar system proposals (lib/domain/proposals/grouping.ts). */
export type TInboxEntry =
  { type: "one"; item: TInboxItem } | { type: "group"; key: string; kind: string; items: TInboxItem[] };
