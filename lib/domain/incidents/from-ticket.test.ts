import { describe, expect, it } from "vitest";
import { incidentDraftFromTicket } from "./from-ticket";
import { MAX_DESCRIPTION, MAX_TITLE, ZCreateIncident } from "./schemas";
import { triage } from "./triage";

const answers = (d: ReturnType<typeof incidentDraftFromTicket>) => ({
  dataLeak: d.triage.data_leak,
  unauthorizedSend: d.triage.unauthorized_send,
  affected: d.triage.affected,
  unsure: d.triage.unsure,
});

describe("incidentDraftFromTicket", () => {
  it("pre-fills a data leak as SEV1 with the ticket's words and one affected account", () => {
    const d = incidentDraftFromTicket(
      { subject: " تسريب بيانات ", body: "ظهرت بيانات العملاء\nفي ملف عام" },
      "data_leak",
    );
    expect(d).toEqual({
      title: "تسريب بيانات",
      description: "ظهرت بيانات العملاء\nفي ملف عام",
      triage: { data_leak: "yes", unauthorized_send: "no", affected: 1, unsure: false },
    });
    expect(triage(answers(d)).severity).toBe("SEV1");
  });

  it("pre-fills an unauthorized send as SEV1", () => {
    const d = incidentDraftFromTicket({ subject: "Unauthorized send", body: "" }, "unauthorized_send");
    expect(d.triage).toMatchObject({ data_leak: "no", unauthorized_send: "yes" });
    expect(triage(answers(d))).toMatchObject({ severity: "SEV1", reasons: ["unauthorized_send"] });
  });

  it("answers no to both without a leak kind (the person decides)", () => {
    const d = incidentDraftFromTicket({ subject: "Outage", body: "down" }, null);
    expect(d.triage).toMatchObject({ data_leak: "no", unauthorized_send: "no" });
    expect(triage(answers(d)).severity).toBe("SEV3");
  });

  it("takes the body's first line when the subject is empty, and cuts to the incident's limits", () => {
    expect(incidentDraftFromTicket({ subject: "", body: "\n  Keys leaked  \nmore" }, "data_leak").title).toBe(
      "Keys leaked",
    );
    const long = incidentDraftFromTicket({ subject: "x".repeat(200), body: "y".repeat(20_000) }, "data_leak");
    expect(long.title).toHaveLength(MAX_TITLE);
    expect(long.title.endsWith("…")).toBe(true);
    expect(long.description).toHaveLength(MAX_DESCRIPTION);
    // What the form sends back passes the server's own schema unchanged.
    expect(ZCreateIncident.safeParse({ ...long, account_ids: [] }).success).toBe(true);
  });

  it("leaves the title empty for a ticket without text (the form then asks for one)", () => {
    expect(incidentDraftFromTicket({ subject: "  ", body: "" }, null).title).toBe("");
  });
});
