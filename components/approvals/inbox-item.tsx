import { can } from "@/lib/domain/auth/permissions";
import type { TGuardLists } from "@/lib/domain/copy-guard/default-lists";
import type { TFreeze } from "@/lib/domain/dispatch/types";
import { isMaker, type TMakers } from "@/lib/domain/proposals/state-machine";
import { soleApprover, type TCoolingOff, type TPerson } from "@/lib/domain/proposals/sole-approver";
import type { TProposal } from "@/lib/domain/proposals/types";
import type { TFormatContext } from "@/lib/i18n/format";
import { guardProposal } from "@/lib/proposals/kinds/copy-fields";
import { kindOf } from "@/lib/proposals/kinds/registry";
import type { TGate, TInboxItem, TMakerRole } from "./inbox-types";
import { ProposalCard } from "./proposal-card";

/** What a page reads once for all its cards (the page fetches it; components never touch lib/data). */
export type TInboxContext = {
  viewer: { id: string; role: string };
  /** Active people who may decide, for the sole-approver rule. */
  people: readonly TPerson[];
  coolingOff: TCoolingOff;
  /** Last text edit per proposal: its editor is a maker, and it restarts the cooling-off. */
  edits: ReadonlyMap<string, { id: string; at: Date }>;
  freeze: TFreeze;
  liveSending: boolean;
  now: Date;
  fmt: TFormatContext;
  /** The copy guard's lists in force (Settings → Copy guard). */
  guardLists: TGuardLists;
};

function makerRole(viewerId: string, m: TMakers): TMakerRole {
  if (m.proposerId === viewerId) return "proposer";
  return m.proposerTokenCreatorId === viewerId ? "token" : "editor";
}

/** Who may decide, by the same rules the server applies (it refuses anyway; this keeps the buttons honest). */
export function gateOf(p: TProposal, c: TInboxContext): TGate | null {
  if (p.state !== "pending") return null;
  const permission = kindOf(p.kind).decide.permission;
  if (!can(c.viewer.role, permission)) return { status: "not_permitted" };
  const edit = c.edits.get(p.id);
  const makers = {
    proposerId: p.proposer.id,
    proposerTokenCreatorId: p.proposer.tokenCreatorId,
    lastEditorId: edit?.id ?? null,
  };
  if (!isMaker(c.viewer.id, makers)) return { status: "decide" };
  const who = makerRole(c.viewer.id, makers);
  const sole = soleApprover({
    viewer: { ...c.viewer, agent: false },
    makers,
    kind: p.kind,
    permission,
    since: edit && edit.at > p.createdAt ? edit.at : p.createdAt,
    people: c.people,
    coolingOff: c.coolingOff,
    now: c.now,
  });
  if (sole.status === "cooling_off") return { status: "cooling_off", who, remainingMs: sole.remainingMs };
  if (sole.status === "ready") return { status: "ready", who };
  return { status: "others_can_decide", who };
}

export async function inboxItem(
  p: TProposal,
  c: TInboxContext,
  o: { canEdit: boolean; linkToPage?: boolean },
): Promise<TInboxItem> {
  return {
    id: p.id,
    kind: p.kind,
    payloadHash: p.payloadHash,
    gate: gateOf(p, c),
    blocked: p.state === "pending" && !guardProposal(p.kind, p.payload, c.guardLists).ok,
    bulkApprovable: kindOf(p.kind).bulkApprovable,
    card: await ProposalCard({
      p,
      fmt: c.fmt,
      now: c.now,
      guardLists: c.guardLists,
      frozen: c.freeze.frozen,
      liveSending: c.liveSending,
      canEdit: o.canEdit,
      linkToPage: o.linkToPage ?? true,
    }),
  };
}
