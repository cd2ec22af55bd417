import { describe, expect, it } from "vitest";
import { bulkRefusal, type TBulkRules } from "./bulk";
import type { TProposalKind } from "./payloads";

const RULES: Partial<Record<TProposalKind, TBulkRules>> = {
  message: { bulkApprovable: true, groupDecidable: false },
  nudge: { bulkApprovable: true, groupDecidable: false },
  freeze: { bulkApprovable: false, groupDecidable: false },
  unfreeze: { bulkApprovable: false, groupDecidable: false },
  auto_complete: { bulkApprovable: false, groupDecidable: true },
  nudge_mark_sent: { bulkApprovable: false, groupDecidable: true },
};
const rulesOf = (k: TProposalKind) => RULES[k]!;

describe("bulk approval", () => {
  it("takes a set of customer messages", () => {
    expect(bulkRefusal(["message", "nudge", "message"], rulesOf)).toBeNull();
  });

  it("refuses a set holding a freeze or an unfreeze, naming it", () => {
    expect(bulkRefusal(["message", "freeze", "message"], rulesOf)).toBe("freeze");
    expect(bulkRefusal(["unfreeze"], rulesOf)).toBe("unfreeze");
  });

  it("takes a group of one group-decidable kind, never mixed with messages or another kind", () => {
    expect(bulkRefusal(["auto_complete", "auto_complete"], rulesOf)).toBeNull();
    expect(bulkRefusal(["auto_complete", "message"], rulesOf)).toBe("auto_complete");
    expect(bulkRefusal(["message", "auto_complete"], rulesOf)).toBe("auto_complete");
    expect(bulkRefusal(["auto_complete", "nudge_mark_sent"], rulesOf)).toBe("auto_complete");
  });
});
