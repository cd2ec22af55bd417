import { describe, expect, it } from "vitest";
import { guardProposal } from "./copy-fields";
import { PROPOSAL_KINDS } from "../../domain/proposals/payloads";

describe("guardProposal", () => {
  it("checks the text of every customer-facing kind, ticket replies included", () => {
    for (const kind of ["message", "nudge", "ticket_reply"] as const) {
      const verdict = guardProposal(kind, { subject: "Hello", body: "We guarantee results within a month." });
      expect([kind, verdict.ok, verdict.findings.map((f) => f.category)]).toEqual([
        kind,
        false,
        ["guaranteed_results"],
      ]);
    }
  });

  it("lets internal kinds through whatever their payload says", () => {
    const internal = PROPOSAL_KINDS.filter((k) => !["message", "nudge", "ticket_reply"].includes(k));
    for (const kind of internal)
      expect([kind, guardProposal(kind, { reason: "We guarantee results" }).ok]).toEqual([kind, true]);
  });
});
