import type { TRole } from "../auth/permissions";

/** Shared by every demo login; printed in the README. Demo databases only. */
export const DEMO_PASSWORD = "lifecycle-demo";

export type TDemoUser = { email: string; name: string; role: TRole; locale: "ar" | "en" | null };

// No stored language: demo users follow the language switch and the browser, so one demo database
// serves English and Arabic visitors alike.
// Several CSMs so seeded accounts spread across owners (filters, workload views).
export const DEMO_USERS: readonly TDemoUser[] = [
  { email: "founder@demo.test", name: "Noura Al-Harbi", role: "founder", locale: null },
  { email: "csm@demo.test", name: "Sam Carter", role: "csm", locale: null },
  { email: "analyst@demo.test", name: "Lina Haddad", role: "analyst", locale: null },
  { email: "omar@demo.test", name: "Omar Khalid", role: "csm", locale: null },
  { email: "maya@demo.test", name: "Maya Rahman", role: "csm", locale: null },
  { email: "faisal@demo.test", name: "Faisal Al-Qahtani", role: "csm", locale: null },
];
