import "server-only";
import { z } from "zod";
import type { TCutoverSignoffPayload } from "../domain/proposals/payloads";
import type { TAgreementReport } from "../domain/shadow/report";
import { AppError } from "../errors";
import { propose } from "../proposals/propose";
import { defineMutation } from "./mutation";

/** The figures the sign-off is about, frozen into its payload so the approver sees what was measured. */
export function signOffPayload(report: TAgreementReport): TCutoverSignoffPayload {
  return {
    reason: "cut-over of onboarding nudges from the heuristic to the agent",
    decisions: report.decisions,
    agreement_pct: report.agreement_pct,
    kappa: report.kappa,
    heartbeat_span_days: report.heartbeat_span_days,
    gates: report.gates.filter((g) => g.name !== "founder_sign_off").map((g) => ({ name: g.name, pass: g.pass })),
  };
}

/**
 * A founder proposes the cut-over sign-off; another founder approves it (maker ≠ checker). Refused
 * unless every measurable gate passes on the report the server computed itself.
 */
export const proposeCutoverMutation = defineMutation({
  name: "shadow.propose_cutover",
  permission: "proposals:approve",
  input: z.object({
    report: z.custom<TAgreementReport>(
      (v) => typeof v === "object" && v !== null && Array.isArray((v as TAgreementReport).gates),
    ),
  }),
  async run({ tx, actor, input }) {
    const measurable = input.report.gates.filter((g) => g.name !== "founder_sign_off");
    if (measurable.length === 0 || !measurable.every((g) => g.pass))
      throw new AppError("conflict", { _: "validation.gates_not_passed" });
    const p = await propose(tx, "cutover_signoff", {
      accountId: null,
      payload: signOffPayload(input.report),
      reason: "shadow agreement gates passed",
      proposer: actor,
    });
    return {
      result: p,
      ledger: { target: `proposal:${p.id}`, summary: "proposed cut-over sign-off", payloadHash: p.payloadHash },
    };
  },
});
