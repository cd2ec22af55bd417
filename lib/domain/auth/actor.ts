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
};
