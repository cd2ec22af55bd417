import { describe, expect, it } from "vitest";
import { PERMISSIONS, ROLES, can, isRole, permissionsOf } from "./permissions";

describe("role → permission table", () => {
  it("gives founders every permission", () => {
    for (const p of PERMISSIONS) expect(can("founder", p)).toBe(true);
  });

  it("lets CSMs work accounts and propose, but never approve or manage users", () => {
    expect(can("csm", "accounts:write")).toBe(true);
    expect(can("csm", "proposals:create")).toBe(true);
    expect(can("csm", "proposals:approve")).toBe(false);
    expect(can("csm", "users:manage")).toBe(false);
    expect(can("csm", "settings:manage")).toBe(false);
  });

  it("keeps analysts read-only (only their own profile is writable)", () => {
    const writes = permissionsOf("analyst").filter((p) => !p.endsWith(":read"));
    expect(writes).toEqual(["profile:update"]);
  });

  it("denies unknown roles, empty roles and look-alike role names", () => {
    for (const role of [undefined, null, "", "Founder", "admin", "founder "]) {
      expect(can(role, "accounts:read")).toBe(false);
    }
    expect(isRole("founder")).toBe(true);
    expect(isRole("root")).toBe(false);
  });

  it("only approvers are founders", () => {
    expect(ROLES.filter((r) => can(r, "proposals:approve"))).toEqual(["founder"]);
  });
});
