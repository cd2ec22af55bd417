// The accounts-list views the benchmark requests: a mix of what people actually click, from the
// default view to deep pages, every filter, every sort, searches in both languages and combinations.

export type TView = { kind: string; path: string };

const TIERS = ["free", "starter", "pro", "enterprise"] as const;
const SORTS = ["signup_desc", "signup_asc", "name_asc", "contract_end_asc", "activity_desc"] as const;
const REGIONS = ["riyadh", "dubai", "london", "jeddah", "cairo", "madinah"] as const;
const AGES = ["7", "30", "90", "365", "older"] as const;
// Arabic ("company", and "institution" typed with folded letter variants) and English searches;
// "nova" matches no seeded name, so it exercises the empty state.
const SEARCHES = ["شركة", "nova", "مؤسسه", "harbor", "النخبة", "cedar retail"] as const;

const list = (params: Record<string, string | number>) => {
  const query = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)])).toString();
  return `/accounts${query ? `?${query}` : ""}`;
};

/** Every distinct view once, in a fixed order. `csmId` is a real CSM's user id. */
export function distinctViews(csmId: string): TView[] {
  const views: TView[] = [{ kind: "default", path: list({}) }];
  for (let page = 2; page <= 50; page++) views.push({ kind: "page 2..50", path: list({ page }) });
  for (const tier of TIERS) views.push({ kind: "tier", path: list({ tier }) });
  views.push({ kind: "csm", path: list({ csm: csmId }) }, { kind: "csm", path: list({ csm: "none" }) });
  for (const region of REGIONS) views.push({ kind: "region", path: list({ region }) });
  for (const age of AGES) views.push({ kind: "age", path: list({ age }) });
  for (const sort of SORTS)
    views.push({ kind: "sort", path: list({ sort }) }, { kind: "sort", path: list({ sort, page: 10 }) });
  for (const q of SEARCHES) views.push({ kind: "search", path: list({ q }) });
  const combos: Record<string, string | number>[] = [
    { tier: "enterprise", region: "riyadh" },
    { tier: "pro", sort: "contract_end_asc" },
    { csm: csmId, age: "30" },
    { csm: csmId, sort: "activity_desc", page: 2 },
    { csm: "none", tier: "free", region: "dubai" },
    { region: "jeddah", age: "90", sort: "name_asc" },
    { q: "شركة", tier: "pro" },
    { q: "شركة", region: "riyadh", sort: "signup_asc" },
    { q: "harbor", sort: "name_asc", page: 2 },
    { tier: "starter", age: "older", sort: "contract_end_asc", page: 5 },
    { tier: "enterprise", csm: csmId, sort: "contract_end_asc" },
    { age: "7", sort: "activity_desc" },
  ];
  for (const params of combos) views.push({ kind: "combo", path: list(params) });
  return views;
}

/**
 * The request sequence: `rounds` passes over the distinct views, with the default view (the page
 * everyone lands on) and the 30-day filter repeated as people do, shuffled deterministically so kinds interleave.
 */
export function benchSequence(csmId: string, rounds: number, seed = 7): TView[] {
  const views = distinctViews(csmId);
  const landing = views.filter((v) => v.kind === "default" || v.path.endsWith("age=30"));
  const one = [...views, ...landing, ...landing, ...landing];
  const all = Array.from({ length: rounds }, () => one).flat();
  return shuffle(all, seed);
}

function shuffle<T>(items: T[], seed: number): T[] {
  let state = seed >>> 0;
  const random = () => {
    // mulberry32
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
