import { describe, expect, it } from "vitest";
import { ledgerActor } from "./actor";

describe("ledgerActor", () => {
  it("names the token and its creator when the actor acts through one", () => {
    expect(
      ledgerActor({
        type: "user",
        id: "u-csm",
        role: "csm",
        label: "csm",
        token: { id: "t1", createdBy: "u-founder" },
      }),
    ).toEqual({
      actorType: "user",
      actorId: "u-csm",
      actorRole: "csm",
      via: { tokenId: "t1", createdBy: "u-founder" },
    });
  });

  it("has no via for a session, the CLI or the system", () => {
    expect(ledgerActor({ type: "user", id: "u1", role: "founder", label: "f" }).via).toBeNull();
  });
});
