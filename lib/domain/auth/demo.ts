import type { TRole } from "./permissions";

/** Demo sign-ins, created by the seed on the embedded database (and with DEMO=1 elsewhere). */
export const DEMO_PASSWORD = "lifecycle-demo";
export const DEMO_USERS: { email: string; role: TRole }[] = [
  { email: "founder@demo.test", role: "founder" },
  { email: "csm@demo.test", role: "csm" },
  { email: "analyst@demo.test", role: "analyst" },
];
