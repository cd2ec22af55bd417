import type { TActor } from "../domain/auth/actor";
import type { TPermission } from "../domain/auth/permissions";
import { actorCan, hasScope, type TScope } from "../domain/auth/scopes";

// A personal token acts as its user: the scope a tool needs maps to the role permission that covers
// it. A shadow row feeds the agreement that gates the cut-over sign-off, so writing one is a write
// (`shadow:write`, which read-only analysts lack), never a read.
const PERSONAL_EQUIVALENT: Partial<Record<TScope, TPermission>> = {
  "customer:read": "accounts:read",
  "customer:write": "proposals:create",
  "shadow:write": "shadow:write",
};

/** Scopes whose tools change something: a refused call to one is ledgered like a refused mutation. */
export const WRITE_SCOPES: readonly TScope[] = ["customer:write", "shadow:write"];

/** Whether `actor` may call a tool needing `scope`: agent tokens by their scopes, people by role. */
export function toolAllowed(actor: TActor, scope: TScope): boolean {
  if (actor.scopes) return hasScope(actor, scope);
  const permission = PERSONAL_EQUIVALENT[scope];
  return permission !== undefined && actorCan(actor, permission);
}
