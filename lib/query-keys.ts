/** Every TanStack Query key in one place, so invalidation and polling cannot drift apart. */
export const queryKeys = {
  pendingCount: () => ["approvals", "pending-count"] as const,
  accountOptions: (q: string) => ["accounts", "options", q] as const,
  /** A draft's copy-guard check; `lists` only for lists being edited (the settings page's test box). */
  copyCheck: (fields: Record<string, string>, lists?: unknown) =>
    ["copy-guard", "check", fields, lists ?? null] as const,
};
