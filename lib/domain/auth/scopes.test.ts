import { describe, expect, it } from "vitest";
import type { TActor } from "./actor";
import { actorCan } from "./scopes";

const agent = (scopes: string[]): TActor => ({ type: "token", id: "token:a", role: "analyst", label: "agent", scopes });
const person = (role: TActor["role"]): TActor => ({ type: "user", id: "u", role, label: "p" });

describe("actorCan", () => {
  it("checks people (and personal tokens) by role", () => {
    expect(actorCan(person("founder"), "proposals:approve")).toBe(true);
    expect(actorCan(person("csm"), "proposals:approve")).toBe(false);
  });

  it("lets agents read and propose only with the matching scope", () => {
    expect(actorCan(agent(["customer:read"]), "accounts:read")).toBe(true);
    expect(actorCan(agent(["customer:read"]), "proposals:create")).toBe(false);
    expect(actorCan(agent(["customer:write"]), "proposals:create")).toBe(true);
    expect(actorCan(agent([]), "accounts:read")).toBe(false);
  });

  it("lets only shadow:write agents and roles that may write (not analysts) append shadow rows", () => {
    expect(actorCan(agent(["shadow:write"]), "shadow:write")).toBe(true);
    expect(actorCan(agent(["customer:read", "proposals:read"]), "shadow:write")).toBe(false);
    expect(actorCan(person("analyst"), "shadow:write")).toBe(false);
    expect(actorCan(person("csm"), "shadow:write")).toBe(true);
  });

  it("never lets an agent approve, manage users or change settings, whatever its scopes", () => {
    const all = agent(["customer:read", "customer:write", "shadow:write", "tickets:write", "proposals:read", "admin"]);
    for (const p of ["proposals:approve", "users:manage", "settings:manage"] as const)
      expect(actorCan(all, p)).toBe(false);
  });
});
