import "server-only";
import { prisma } from "../db";
import { ROLES, can, type TPermission } from "../domain/auth/permissions";
import { DEFAULT_COOLING_OFF, type TCoolingOff, type TPerson } from "../domain/proposals/sole-approver";
import type { Tx } from "./tx";

/** The active people whose role holds `permission`: who the sole-approver rule counts (lib/domain/proposals/sole-approver.ts). */
export async function activeHolders(
  permission: TPermission,
  client: Pick<Tx, "user"> = prisma(),
): Promise<TPerson[]> {
  const roles = ROLES.filter((r) => can(r, permission));
  return client.user.findMany({ where: { active: true, role: { in: roles } }, select: { id: true, role: true, active: true } });
}

/** The founders' cooling-off setting (the migration's defaults until changed). */
export async function getCoolingOff(client: Pick<Tx, "systemState"> = prisma()): Promise<TCoolingOff> {
  const row = await client.systemState.findUnique({
    where: { id: 1 },
    select: { soleApproverUnfreezeMinutes: true, soleApproverOtherMinutes: true },
  });
  return {
    unfreezeMinutes: row?.soleApproverUnfreezeMinutes ?? DEFAULT_COOLING_OFF.unfreezeMinutes,
    otherMinutes: row?.soleApproverOtherMinutes ?? DEFAULT_COOLING_OFF.otherMinutes,
  };
}

/** Saves the setting; returns the one before, for the ledger's before/after summary. */
export async function saveCoolingOff(tx: Tx, s: TCoolingOff): Promise<TCoolingOff> {
  const before = await getCoolingOff(tx);
  await tx.systemState.update({
    where: { id: 1 },
    data: { soleApproverUnfreezeMinutes: s.unfreezeMinutes, soleApproverOtherMinutes: s.otherMinutes },
  });
  return before;
}
