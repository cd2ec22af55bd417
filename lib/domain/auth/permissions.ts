/**
 * The one role → permission table. Pages, route handlers, server actions and CLIs all ask
 * `can(role, permission)`; nothing checks a role name directly.
 */
export const ROLES = ["founder", "csm", "analyst"] as const;
export type TRole = (typeof ROLES)[number];

export const PERMISSIONS = [
  "accounts:read",
  "accounts:write",
  "proposals:create",
  "proposals:approve",
  "tickets:write",
  "incidents:write",
  // Appending to the shadow logs (MCP log_shadow_row): the rows feed the agreement that gates the
  // cut-over sign-off, so it is a write like any other and read-only roles never have it.
  "shadow:write",
  // Work any account's cadence (tasks, plans), not only one's own: see lib/domain/cadence/access.ts.
  "cadence:manage_all",
  "users:manage",
  "ledger:read",
  "settings:manage",
  "profile:update",
] as const;
export type TPermission = (typeof PERMISSIONS)[number];

const TABLE: Record<TRole, readonly TPermission[]> = {
  founder: PERMISSIONS,
  csm: [
    "accounts:read",
    "accounts:write",
    "proposals:create",
    "tickets:write",
    "incidents:write",
    "shadow:write",
    "ledger:read",
    "profile:update",
  ],
  analyst: ["accounts:read", "ledger:read", "profile:update"],
};

export function isRole(value: unknown): value is TRole {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

/** False for unknown roles and permissions: the table denies by default. */
export function can(role: string | null | undefined, permission: TPermission): boolean {
  return isRole(role) && TABLE[role].includes(permission);
}

export function permissionsOf(role: TRole): readonly TPermission[] {
  return TABLE[role];
}
