/**
 * The inbox's groups (spec: "many similar system proposals … shown as one group with a count"): pending
 * proposals of one group-decidable kind that the same system actor made in the same run. A run is told
 * apart by time: items of one key that follow each other within RUN_WINDOW_MS of the group's first.
 */
// A lifecycle tick proposes in one transaction, seconds at most; ticks run every 30 minutes or more
// (LIFECYCLE_TICK_MINUTES), so 10 minutes joins one tick's proposals and never two ticks'.
export const RUN_WINDOW_MS = 10 * 60_000;
// One similar proposal is just a card.
const MIN_GROUP = 2;

export type TGroupable = {
  id: string;
  kind: string;
  state: string;
  proposer: { type: string; id: string };
  createdAt: Date;
};

export type TInboxEntry<T> = { type: "one"; item: T } | { type: "group"; key: string; kind: string; items: T[] };

/** Groups in list order (newest first), keeping each entry where its first item stood. */
export function groupInbox<T extends TGroupable>(
  items: readonly T[],
  groupable: (kind: string) => boolean,
): TInboxEntry<T>[] {
  const out: TInboxEntry<T>[] = [];
  const open = new Map<string, { entry: { type: "group"; key: string; kind: string; items: T[] }; first: number }>();
  for (const item of items) {
    const key =
      item.state === "pending" && item.proposer.type === "system" && groupable(item.kind)
        ? `${item.kind}|${item.proposer.id}`
        : null;
    const current = key ? open.get(key) : undefined;
    if (key && current && Math.abs(current.first - item.createdAt.getTime()) <= RUN_WINDOW_MS) {
      current.entry.items.push(item);
      continue;
    }
    if (!key) {
      out.push({ type: "one", item });
      continue;
    }
    const entry = { type: "group" as const, key: `${key}|${item.id}`, kind: item.kind, items: [item] };
    open.set(key, { entry, first: item.createdAt.getTime() });
    out.push(entry);
  }
  // A "group" of one is shown as its card.
  return out.map((e) => (e.type === "group" && e.items.length < MIN_GROUP ? { type: "one", item: e.items[0]! } : e));
}
