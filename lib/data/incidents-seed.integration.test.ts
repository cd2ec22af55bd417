import { describe, expect, it } from "vitest";
import { db } from "../db";
import { guardProposal } from "../proposals/kinds/copy-fields";
import { listIncidents } from "./incidents";
import { INCIDENTS_SEEDER } from "./incidents-seed";
import { seedDemo } from "../jobs/seed-demo";
import { getFreeze } from "./system-state";

describe(`incident demo data on ${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"}`, () => {
  it("seeds every state without an open SEV1 or a freeze, one flagged draft, and nothing twice", async () => {
    const now = new Date("2026-11-21T12:00:00Z");
    const frozenBefore = (await getFreeze()).frozen;
    await seedDemo({ accounts: 30, seed: 7, now });
    const seeded = (await listIncidents({})).filter((i) => i.openedAt < now);
    expect(new Set(seeded.map((i) => `${i.severity}/${i.status}`))).toEqual(
      new Set(["SEV1/closed", "SEV2/open", "SEV3/open", "SEV2/mitigated", "SEV3/closed"]),
    );
    expect(seeded.some((i) => i.severity === "SEV1" && i.status !== "closed")).toBe(false);
    expect((await getFreeze()).frozen).toBe(frozenBefore);
    const sev1 = await db().prisma.incident.findFirstOrThrow({ where: { severity: "SEV1", title: { startsWith: "Contact export" } } });
    expect(await db().prisma.incidentPostmortem.count({ where: { incidentId: sev1.id } })).toBe(1);
    const draft = await db().prisma.proposal.findFirstOrThrow({ where: { reason: "weekly check-in", state: "pending" } });
    expect(guardProposal("message", JSON.parse(draft.payload)).findings.map((f) => f.category)).toEqual(
      expect.arrayContaining(["guaranteed_results", "full_automation"]),
    );
    expect(await INCIDENTS_SEEDER.seed(db().sql, { seed: 7, now })).toBe(0);
  });
});
