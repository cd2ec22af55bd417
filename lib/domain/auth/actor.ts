import type { TRole } from "./permissions";

/** Who is doing something: a signed-in person, an API token, an operator at the CLI, or the system. */
export type TActor = {
  type: "user" | "token" | "cli" | "system";
  id: string;
  role: TRole;
  label: string;
  locale?: "en" | "ar";
  timeZone?: string;
  /** Set for agent tokens only: they act by scope, not by role (see scopes.ts). */
  scopes?: readonly string[];
  /**
   * Set when the actor acts through an API token (personal or agent): the token's id and the user id
   * of whoever created it. Ledger entries record both; maker ≠ checker compares the approver with the
   * proposer and with the creator of the token that proposed.
   */
  token?: { id: string; createdBy: string | null };
};
