import "server-only";
import { z } from "zod";
import { getCopyGuardLists, getCopyGuardSettings, saveCopyGuardLists } from "../data/copy-guard-settings";
import { getProposal } from "../data/proposals";
import type { TActor } from "../domain/auth/actor";
import { actorCan } from "../domain/auth/scopes";
import { checkCopy, compileGuard, type TCopyFinding } from "../domain/copy-guard/guard";
import { describeListChange, ZGuardLists } from "../domain/copy-guard/lists";
import { MAX_BODY } from "../domain/proposals/payloads";
import { zMultiline } from "../domain/text/safe-text";
import { fieldErrors } from "../domain/validation";
import type { TResult } from "../errors";
import { guardProposal } from "../proposals/kinds/copy-fields";
import { defineMutation } from "./mutation";

/** Founders replace the guard's phrase lists (Settings → Copy guard); the change is ledgered with what moved. */
export const saveCopyGuardListsMutation = defineMutation({
  name: "copy_guard.save_lists",
  permission: "settings:manage",
  input: z.object({ lists: ZGuardLists }),
  async run({ tx, actor, input }) {
    const before = await getCopyGuardSettings(tx);
    await saveCopyGuardLists(tx, { lists: input.lists, by: actor.label, now: new Date() });
    return {
      result: null,
      ledger: { target: "settings:copy_guard", summary: describeListChange(before.lists, input.lists).slice(0, 2000) },
    };
  },
});

// A live check reads, so it has no ledger entry; it still needs a signed-in person who drafts customer
// messages or edits the lists, and its input is bounded like a draft's.
const ZCheck = z.object({
  fields: z
    .record(z.string().regex(/^[a-z_]{1,40}$/), zMultiline(MAX_BODY, { trim: false }))
    .refine((f) => Object.keys(f).length <= 10),
  /** Lists being edited and not saved yet (the settings page's test box); founders only. */
  lists: ZGuardLists.optional(),
});

export type TCheckResult = { findings: TCopyFinding[] };

/**
 * The guard's findings on a draft, with the lists in force (or, for a founder testing an edit, the
 * lists in the form). Read-only: no transaction, no ledger.
 */
export async function checkDraft(actor: TActor | null, raw: unknown): Promise<TResult<TCheckResult>> {
  if (!actor) return { ok: false, code: "unauthenticated" };
  if (!actorCan(actor, "proposals:create") && !actorCan(actor, "settings:manage"))
    return { ok: false, code: "forbidden" };
  const parsed = ZCheck.safeParse(raw);
  if (!parsed.success) return { ok: false, code: "invalid_input", fields: fieldErrors(parsed.error, raw) };
  if (parsed.data.lists && !actorCan(actor, "settings:manage")) return { ok: false, code: "forbidden" };
  const lists = parsed.data.lists ?? (await getCopyGuardLists());
  return { ok: true, data: { findings: checkCopy(parsed.data.fields, compileGuard(lists)).findings } };
}

/** What the guard finds in a proposal just made (the proposer is told at once when it is blocked). */
export async function findingsOfProposal(id: string): Promise<TCopyFinding[]> {
  const [p, lists] = await Promise.all([getProposal(id), getCopyGuardLists()]);
  return p ? guardProposal(p.kind, p.payload, lists).findings : [];
}
