import type { TActor } from "../domain/auth/actor";
import type { TPermission } from "../domain/auth/permissions";
import { actorCan, hasScope, type TScope } from "../domain/auth/scopes";

// A personal token acts as its user: the scope a tool needs maps to the role permission that covers
// it. Logging a shadow decision changes no customer data, so it needs only what reading the signals does.
const PERSONAL_EQUIVALENT: Partial<Record<TScope, TPermission>> = {
  "customer:read": "accounts:read",
  "customer:write": "proposals:create",
  "shadow:write": "accounts:read",
};

/** Whether `actor` may call a tool needing `scope`: agent tokens by their scopes, people by role. */
export function toolAllowed(actor: TActor, scope: TScope): boolean {
  if (actor.scopes) return hasScope(actor, scope);
  const permission = PERSONAL_EQUIVALENT[scope];
  return permission !== undefined && actorCan(actor, permission);
}
