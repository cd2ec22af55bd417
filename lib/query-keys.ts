/** Every TanStack Query key in one place, so invalidation and polling cannot drift apart. */
export const queryKeys = {
  pendingCount: () => ["approvals", "pending-count"] as const,
  accountOptions: (q: string) => ["accounts", "options", q] as const,
};
