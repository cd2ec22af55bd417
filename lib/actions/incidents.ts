import "server-only";
import { z } from "zod";
import {
  addUpdate,
  checkStep,
  insertIncident,
  lockIncident,
  markFroze,
  setStatus,
  setTriage,
  uncheckStep,
  unknownAccounts,
  upsertPostmortem,
  incidentAccountIds,
  incidentExists,
} from "../data/incidents";
import { appendLedger } from "../data/ledger";
import { ledgerEntry } from "../domain/ledger/entry";
import { getFreeze, setFreeze } from "../data/system-state";
import type { Tx } from "../data/tx";
import type { TActor } from "../domain/auth/actor";
import { FREEZE_STEP } from "../domain/incidents/plan";
import {
  ZCreateIncident,
  ZIncidentNote,
  ZPlanStep,
  ZPostmortem,
  ZRetriage,
  ZStatusChange,
  canMoveStatus,
} from "../domain/incidents/schemas";
import { triage, type TTriageAnswers } from "../domain/incidents/triage";
import { AppError } from "../errors";
import { escalationChanged } from "./journey-reevaluate";
import { defineMutation } from "./mutation";

const answersOf = (t: z.infer<typeof ZCreateIncident>["triage"]): TTriageAnswers => ({
  dataLeak: t.data_leak,
  unauthorizedSend: t.unauthorized_send,
  affected: t.affected,
  unsure: t.unsure,
});

const SYSTEM_LABEL = "system";

/**
 * Spec: a SEV1 freezes live actions automatically, ledgered. Runs inside the incident's transaction,
 * so the incident and the freeze commit together or not at all. Already frozen: nothing to switch,
 * but the plan step is still checked (live actions are frozen). Unfreezing stays a proposal.
 */
async function freezeForSev1(tx: Tx, incidentId: string, title: string, actor: TActor, now: Date): Promise<boolean> {
  const before = await getFreeze(tx);
  let froze = false;
  if (!before.frozen) {
    const reason = `SEV1 incident: ${title}`.slice(0, 1000);
    await setFreeze(tx, true, reason, `${actor.label} (incident:${incidentId})`, now);
    await appendLedger(
      tx,
      ledgerEntry(actor, {
        action: "system.freeze",
        target: "system:freeze",
        summary: `frozen automatically by SEV1 incident:${incidentId}`,
      }),
    );
    await markFroze(tx, incidentId);
    froze = true;
  }
  await checkStep(tx, incidentId, FREEZE_STEP, SYSTEM_LABEL, now);
  await addUpdate(tx, {
    incidentId,
    kind: "freeze",
    body: froze ? "Live actions frozen automatically (SEV1)." : "Live actions were already frozen.",
    actor,
    now,
  });
  return froze;
}

export const createIncidentMutation = defineMutation({
  name: "incidents.create",
  permission: "incidents:write",
  input: ZCreateIncident,
  async run({ tx, actor, input }) {
    const now = new Date();
    const missing = await unknownAccounts(tx, input.account_ids);
    if (missing.length > 0) throw new AppError("invalid_input", { account_ids: "validation.unknown_account" });
    const answers = answersOf(input.triage);
    const result = triage(answers);
    const id = await insertIncident(tx, {
      title: input.title,
      description: input.description,
      accountIds: input.account_ids,
      answers,
      result,
      actor,
      now,
    });
    const froze = result.severity === "SEV1" ? await freezeForSev1(tx, id, input.title, actor, now) : false;
    await escalationChanged(tx, input.account_ids, now);
    return {
      result: { id, severity: result.severity, reasons: result.reasons, froze },
      ledger: {
        target: `incident:${id}`,
        summary: `opened ${result.severity} (${result.reasons.join(", ")}), ${input.account_ids.length} accounts${froze ? ", froze live actions" : ""}`,
      },
    };
  },
});

export const retriageIncidentMutation = defineMutation({
  name: "incidents.triage",
  permission: "incidents:write",
  input: ZRetriage,
  async run({ tx, actor, input }) {
    const now = new Date();
    const before = await lockIncident(tx, input.id);
    if (before.status === "closed")
      throw new AppError("conflict", { _: "incidents.errors.closed" }, undefined, `incident:${input.id}`);
    const answers = answersOf(input.triage);
    const result = triage(answers);
    await setTriage(tx, input.id, answers, result, now);
    await addUpdate(tx, {
      incidentId: input.id,
      kind: "triage",
      body: `${before.severity} → ${result.severity} (${result.reasons.join(", ")})`,
      actor,
      now,
    });
    const froze =
      result.severity === "SEV1" && before.severity !== "SEV1"
        ? await freezeForSev1(tx, input.id, before.title, actor, now)
        : false;
    return {
      result: { severity: result.severity, reasons: result.reasons, froze },
      ledger: {
        target: `incident:${input.id}`,
        summary: `re-triaged ${before.severity} → ${result.severity} (${result.reasons.join(", ")})${froze ? ", froze live actions" : ""}`,
      },
    };
  },
});

/** The first action stops the first-action timer; later notes are updates that reset the cadence. */
export const recordIncidentUpdateMutation = defineMutation({
  name: "incidents.update",
  permission: "incidents:write",
  input: ZIncidentNote,
  async run({ tx, actor, input }) {
    const now = new Date();
    const i = await lockIncident(tx, input.id);
    if (i.status === "closed")
      throw new AppError("conflict", { _: "incidents.errors.closed" }, undefined, `incident:${input.id}`);
    const kind = i.firstActionAt ? "update" : "first_action";
    await addUpdate(tx, { incidentId: input.id, kind, body: input.body, actor, now });
    return {
      result: { kind },
      ledger: { target: `incident:${input.id}`, summary: `recorded ${kind.replace("_", " ")}` },
    };
  },
});

export const checkPlanStepMutation = defineMutation({
  name: "incidents.step",
  permission: "incidents:write",
  input: ZPlanStep,
  async run({ tx, actor, input }) {
    const now = new Date();
    // No row lock: the step's primary key settles concurrent check-offs, so two people never both "win".
    if (!(await incidentExists(tx, input.id)))
      throw new AppError("not_found", undefined, undefined, `incident:${input.id}`);
    const changed = input.done
      ? await checkStep(tx, input.id, input.step, actor.label, now)
      : await uncheckStep(tx, input.id, input.step);
    if (!changed)
      throw new AppError("conflict", { _: input.done ? "incidents.errors.stepDone" : "incidents.errors.stepNotDone" });
    return {
      result: null,
      ledger: { target: `incident:${input.id}`, summary: `${input.done ? "checked" : "unchecked"} step ${input.step}` },
    };
  },
});

export const changeIncidentStatusMutation = defineMutation({
  name: "incidents.status",
  permission: "incidents:write",
  input: ZStatusChange,
  async run({ tx, actor, input }) {
    const now = new Date();
    const i = await lockIncident(tx, input.id);
    if (!canMoveStatus(i.status, input.to))
      throw new AppError("conflict", { _: "incidents.errors.badStatus" }, undefined, `incident:${input.id}`);
    await setStatus(tx, input.id, input.to, now);
    if (input.to === "closed") await escalationChanged(tx, await incidentAccountIds(tx, input.id), now);
    await addUpdate(tx, {
      incidentId: input.id,
      kind: "status",
      body: `${i.status} → ${input.to}${input.note ? `: ${input.note}` : ""}`,
      actor,
      now,
    });
    return { result: null, ledger: { target: `incident:${input.id}`, summary: `status ${i.status} → ${input.to}` } };
  },
});

export const savePostmortemMutation = defineMutation({
  name: "incidents.postmortem",
  permission: "incidents:write",
  input: ZPostmortem,
  async run({ tx, actor, input }) {
    await lockIncident(tx, input.id);
    await upsertPostmortem(tx, input, actor.label, new Date());
    return {
      result: null,
      ledger: {
        target: `incident:${input.id}`,
        summary: `saved post-mortem (${input.action_items.length} action items)`,
      },
    };
  },
});
