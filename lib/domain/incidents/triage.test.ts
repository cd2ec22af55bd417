import { describe, expect, it } from "vitest";
import { triage, type TTriageAnswers } from "./triage";

const base: TTriageAnswers = { dataLeak: "no", unauthorizedSend: "no", affected: 1, unsure: false };

describe("triage", () => {
  it("a data leak or an unauthorized send is SEV1 whatever the count", () => {
    expect(triage({ ...base, dataLeak: "yes", affected: 0 })).toEqual({
      severity: "SEV1",
      reasons: ["data_leak"],
      raised: false,
    });
    expect(triage({ ...base, unauthorizedSend: "yes", affected: 1 }).severity).toBe("SEV1");
    expect(triage({ ...base, dataLeak: "yes", unauthorizedSend: "yes" }).reasons).toEqual([
      "data_leak",
      "unauthorized_send",
    ]);
  });

  it("4 customers is SEV3, 5 is SEV2 (the boundary belongs to SEV2)", () => {
    expect(triage({ ...base, affected: 4 })).toEqual({ severity: "SEV3", reasons: ["few_customers"], raised: false });
    expect(triage({ ...base, affected: 5 })).toEqual({ severity: "SEV2", reasons: ["many_customers"], raised: false });
    expect(triage({ ...base, affected: 0 }).severity).toBe("SEV3");
    expect(triage({ ...base, affected: 10_000 }).severity).toBe("SEV2");
  });

  it("when unsure about a leak or a send, the higher severity: SEV1", () => {
    expect(triage({ ...base, dataLeak: "unsure", affected: 1 })).toEqual({
      severity: "SEV1",
      reasons: ["possible_data_leak"],
      raised: true,
    });
    expect(triage({ ...base, unauthorizedSend: "unsure" }).severity).toBe("SEV1");
  });

  it("an unknown count counts as 5 or more", () => {
    expect(triage({ ...base, affected: null })).toEqual({
      severity: "SEV2",
      reasons: ["unknown_customers"],
      raised: true,
    });
  });

  it("the triager's unsure flag raises one level, never past SEV1", () => {
    expect(triage({ ...base, affected: 4, unsure: true })).toEqual({
      severity: "SEV2",
      reasons: ["few_customers", "unsure_raised"],
      raised: true,
    });
    expect(triage({ ...base, affected: 5, unsure: true }).severity).toBe("SEV1");
    expect(triage({ ...base, affected: null, unsure: true }).severity).toBe("SEV1");
    expect(triage({ ...base, dataLeak: "yes", unsure: true }).severity).toBe("SEV1");
  });
});
