import { describe, expect, it } from "vitest";
import { checkInDraft } from "./check-in";

const o = { contactName: "Reem", accountName: "Cedar Retail", senderName: "Sam Carter" };

describe("checkInDraft", () => {
  it("writes in the recipient's language", () => {
    const en = checkInDraft("en", o);
    expect(en.subject).toBe("Checking in with Cedar Retail");
    expect(en.body).toMatch(/^Hi Reem,/);
    const ar = checkInDraft("ar", { ...o, contactName: "ريم", accountName: "مؤسسة الأرز" });
    expect(ar.subject).toBe("متابعة مع مؤسسة الأرز");
    expect(ar.body).toMatch(/^مرحبًا ريم،/);
    expect(ar.body.replace(o.senderName, "")).not.toMatch(/[A-Za-z]/);
  });

  it("offers a call when inactive and a results summary when the proof pack is late, only then", () => {
    expect(checkInDraft("en", o).body).not.toMatch(/call|summary/);
    const both = checkInDraft("en", { ...o, reasons: ["inactive", "proof_pack"] }).body;
    expect(both).toMatch(/short call/);
    expect(both).toMatch(/summary of recent results/);
    expect(checkInDraft("ar", { ...o, reasons: ["inactive"] }).body).toMatch(/اتصال قصير/);
  });

  it("stays within the message limits and promises nothing", () => {
    const d = checkInDraft("en", { ...o, reasons: ["inactive", "proof_pack", "pending_drafts"] });
    expect(d.subject.length).toBeLessThanOrEqual(200);
    expect(d.body).not.toMatch(/guarantee|automatic|instantly/i);
  });
});
