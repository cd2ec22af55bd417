/**
 * Sliding-window counter of failures per key. `now` is a parameter so the rule is testable; the store
 * is a Map the caller owns (one per process: fine for one server, see README for multi-instance).
 */
export type TRateLimit = { limit: number; windowMs: number };

export function createRateLimiter({ limit, windowMs }: TRateLimit, store = new Map<string, number[]>()) {
  const recent = (key: string, now: number) => (store.get(key) ?? []).filter((t) => now - t < windowMs);
  return {
    /** Whether another attempt is allowed now; `retryAfterMs` says when the oldest failure expires. */
    check(key: string, now: number): { allowed: boolean; retryAfterMs: number } {
      const hits = recent(key, now);
      if (hits.length < limit) return { allowed: true, retryAfterMs: 0 };
      return { allowed: false, retryAfterMs: windowMs - (now - hits[0]!) };
    },
    fail(key: string, now: number) {
      const hits = recent(key, now);
      hits.push(now);
      store.set(key, hits);
      // Bound memory under a flood of distinct keys: forget the oldest key.
      if (store.size > 10_000) store.delete(store.keys().next().value!);
    },
    reset(key: string) {
      store.delete(key);
    },
  };
}
