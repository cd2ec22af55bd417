import { describe, expect, it } from "vitest";
import { approvalOutcome, displayState } from "./display-state";

const row = (state: string) => ({ state });

describe("display state", () => {
  it("never says sent for a message the preview transport rendered", () => {
    expect(displayState({ state: "delivered", outbox: row("previewed"), frozen: false })).toBe("previewed");
    expect(displayState({ state: "delivered", outbox: row("sent"), frozen: false })).toBe("sent");
  });

  it("says a queued message is held while sending is frozen", () => {
    expect(displayState({ state: "approved", outbox: row("queued"), frozen: true })).toBe("held");
    expect(displayState({ state: "approved", outbox: row("queued"), frozen: false })).toBe("queued");
    expect(displayState({ state: "dispatched", outbox: row("sending"), frozen: true })).toBe("sending");
  });

  it("keeps undecided and failed states, and calls an internal kind applied", () => {
    for (const state of ["pending", "rejected", "expired", "failed"] as const)
      expect(displayState({ state, outbox: null, frozen: false })).toBe(state);
    expect(displayState({ state: "delivered", outbox: null, frozen: false })).toBe("applied");
    expect(displayState({ state: "dispatched", outbox: row("failed"), frozen: false })).toBe("failed");
  });

  it("reads an unknown outbox state as queued, never as sent", () => {
    expect(displayState({ state: "delivered", outbox: row("mystery"), frozen: false })).toBe("queued");
  });
});

describe("approval outcome", () => {
  it("states what approving will do", () => {
    expect(approvalOutcome({ sends: true, frozen: true, liveSending: true })).toBe("held_frozen");
    expect(approvalOutcome({ sends: true, frozen: false, liveSending: false })).toBe("preview_only");
    expect(approvalOutcome({ sends: true, frozen: false, liveSending: true })).toBe("sends");
    expect(approvalOutcome({ sends: false, frozen: true, liveSending: false })).toBe("applies");
  });
});
