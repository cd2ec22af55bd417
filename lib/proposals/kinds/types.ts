import type { z } from "zod";
import type { TActor } from "../../domain/auth/actor";
import type { TPermission } from "../../domain/auth/permissions";

/**
 * What approving a kind does, by name. The kind file says which; lib/proposals/effects.ts (server-only) holds
 * each implementation, so the declarations stay importable without a database.
 */
export type TApproveEffectName =
  | "queue_email"
  | "queue_email_and_record_first_response"
  | "freeze"
  | "unfreeze"
  | "mark_nudge_sent"
  | "complete_onboarding"
  | "record_sign_off"
  | "complete_checklist_step"
  | "allow_connector_execute";

/** What the dispatcher does once a kind's outbox row is delivered or previewed (lib/proposals/effects.ts). */
export type TDeliverEffectName = "nothing" | "stamp_nudge_sent";

/**
 * One live proposal per key: while a proposal holding the key is pending … delivered another is
 * refused with `conflict`, `{ [field]: code }` and `detail`; a partial unique index on
 * `proposals.dedupe_key` makes that hold under concurrent writers too. `key` may return null (no key).
 */
export type TDedupe<P> = {
  key: (p: { id: string; accountId: string | null; payload: P; proposer: TActor }) => string | null;
  field: string;
  code: string;
  detail?: string;
};

/**
 * Everything a proposal kind is, in one declaration. Every field is required: a kind that forgets
 * one does not type-check in the registry.
 */
export type TKindModule<K extends string, P> = {
  kind: K;
  /** The payload as stored and sealed; `propose` refuses one that does not match. */
  payload: z.ZodType<P>;
  /** Payload fields a customer reads: the copy guard checks them; a proposer may edit them while pending. */
  copyFields: readonly (keyof P & string)[];
  dedupe: TDedupe<P> | null;
  /** Who may approve or reject it; the proposer, the creator of its token and its last editor never may. */
  decide: { permission: TPermission; makerChecker: true };
  /**
   * Whether "approve all" of a reviewed set may include it: customer messages only (spec: bulk approval
   * never covers freeze, unfreeze, cut-over sign-off, connector execution or cadence promotion); the
   * server refuses a set holding anything else (lib/domain/proposals/bulk.ts).
   */
  bulkApprovable: boolean;
  /**
   * Whether many of it proposed by the system in one run (e.g. the tick's "complete onboarding" for 44
   * accounts) form one group in the inbox that may be decided together: only with others of its own kind.
   */
  groupDecidable: boolean;
  approve: TApproveEffectName;
  deliver: TDeliverEffectName;
};
