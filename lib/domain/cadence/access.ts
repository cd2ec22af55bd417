import type { TActor } from "../auth/actor";
import { can } from "../auth/permissions";

/**
 * Who may work whose cadence (issue 10: a CSM could complete another CSM's tasks and take over their
 * account's cadence plan). The rule:
 * - whoever holds `cadence:manage_all` (founders) may complete or skip any task and save or deactivate
 *   any account's plan;
 * - a CSM (`accounts:write`) may complete or skip only tasks assigned to them, or unassigned tasks of
 *   accounts they own (`accounts.csm_id`), and may save or deactivate the plan only of accounts they own;
 * - anyone else (analysts, agent tokens) may do neither.
 * A refusal is `forbidden`, ledgered by the mutation door. Pure: the pages use it to hide the buttons.
 */
type TWho = Pick<TActor, "id" | "role" | "scopes">;

// Agent tokens act by scope and no scope grants cadence work; people (and personal tokens) by role.
const holds = (who: TWho, permission: "accounts:write" | "cadence:manage_all") =>
  who.scopes === undefined && can(who.role, permission);

/** Whether `who` may complete or skip the task (assigned to `csmId`, on an account owned by `accountCsmId`). */
export function mayMoveTask(who: TWho, task: { csmId: string | null; accountCsmId: string | null }): boolean {
  if (!holds(who, "accounts:write")) return false;
  if (holds(who, "cadence:manage_all")) return true;
  return task.csmId === who.id || (task.csmId === null && task.accountCsmId === who.id);
}

/** Whether `who` may save or deactivate the cadence plan of an account owned by `accountCsmId`. */
export function mayManagePlan(who: TWho, accountCsmId: string | null): boolean {
  if (!holds(who, "accounts:write")) return false;
  if (holds(who, "cadence:manage_all")) return true;
  return accountCsmId !== null && accountCsmId === who.id;
}
