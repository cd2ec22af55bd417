import type { TActor } from "./actor";
import { can, type TPermission } from "./permissions";

/**
 * Agent-token scopes and what each allows. An agent may read and propose, never approve, manage
 * users or change settings, whatever scopes it was given.
 */
export const SCOPES = ["customer:read", "customer:write", "shadow:write", "tickets:write", "proposals:read"] as const;
export type TScope = (typeof SCOPES)[number];

const SCOPE_PERMISSIONS: Record<TScope, readonly TPermission[]> = {
  "customer:read": ["accounts:read"],
  "customer:write": ["proposals:create"],
  "shadow:write": ["shadow:write"],
  "tickets:write": ["tickets:write"],
  "proposals:read": ["accounts:read"],
};

const NEVER_FOR_AGENTS: readonly TPermission[] = ["proposals:approve", "users:manage", "settings:manage"];

export const isScope = (v: string): v is TScope => (SCOPES as readonly string[]).includes(v);

/** The one permission check for any actor: people and personal tokens by role, agents by scope. */
export function actorCan(actor: TActor, permission: TPermission): boolean {
  if (actor.scopes) {
    if (NEVER_FOR_AGENTS.includes(permission)) return false;
    return actor.scopes.some((s) => isScope(s) && SCOPE_PERMISSIONS[s].includes(permission));
  }
  return can(actor.role, permission);
}

export function hasScope(actor: TActor, scope: TScope): boolean {
  return actor.scopes ? actor.scopes.includes(scope) : true;
}
