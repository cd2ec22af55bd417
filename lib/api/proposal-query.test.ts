import { describe, expect, it } from "vitest";
import type { TActor } from "../domain/auth/actor";
import { canView, parseProposalQuery } from "./proposal-query";

const csm: TActor = { type: "user", id: "u-1", role: "csm", label: "csm" };
const agent: TActor = { type: "token", id: "token:t-1", role: "analyst", label: "agent:x", scopes: ["customer:read"] };
const q = (s: string, who = csm) => parseProposalQuery(new URLSearchParams(s), who);
const ACCOUNT = "0b5c1a52-6f1e-4c43-9d8a-3c2f4b5a6d7e";

describe("proposal list query", () => {
  it("maps snake_case filters, with a default limit", () => {
    expect(q(`state=pending&kind=message&account_id=${ACCOUNT}&older_than_hours=24&limit=10`)).toEqual({
      ok: true,
      filters: {
        state: "pending",
        kind: "message",
        accountId: ACCOUNT,
        proposerId: undefined,
        olderThanHours: 24,
        limit: 10,
        cursor: undefined,
      },
    });
    expect(q("")).toMatchObject({ ok: true, filters: { limit: 50 } });
    expect(q("state=")).toMatchObject({ ok: true, filters: { state: undefined } });
  });

  it("refuses a control character in any parameter by name (issue 10: NUL gave 500)", () => {
    expect(q("proposer=%00")).toEqual({ ok: false, fields: { proposer: "validation.control_characters" } });
    expect(q("q=acme%00&state=pending")).toEqual({ ok: false, fields: { q: "validation.control_characters" } });
    expect(q("proposer=a%0D%0Ab")).toEqual({ ok: false, fields: { proposer: "validation.control_characters" } });
    expect(q("proposer=csm%40demo.test")).toMatchObject({ ok: true, filters: { proposerId: "csm@demo.test" } });
  });

  it("refuses bad values with field codes", () => {
    expect(q("limit=0")).toEqual({ ok: false, fields: { limit: "validation.too_short" } });
    expect(q("limit=201")).toEqual({ ok: false, fields: { limit: "validation.too_long" } });
    expect(q("state=done&account_id=x&cursor=1")).toEqual({
      ok: false,
      fields: { state: "validation.invalid_choice", account_id: "validation.invalid", cursor: "validation.invalid" },
    });
  });

  it("lets people see everyone's proposals (proposer=me for their own) and agents only their own", () => {
    expect(q("proposer=me")).toMatchObject({ ok: true, filters: { proposerId: "u-1" } });
    expect(q("proposer=u-2")).toMatchObject({ ok: true, filters: { proposerId: "u-2" } });
    expect(q("proposer=u-2", agent)).toMatchObject({ ok: true, filters: { proposerId: "token:t-1" } });
    expect(q("", agent)).toMatchObject({ ok: true, filters: { proposerId: "token:t-1" } });
    expect(canView(csm, "u-2")).toBe(true);
    expect(canView(agent, "u-2")).toBe(false);
    expect(canView(agent, "token:t-1")).toBe(true);
  });
});
