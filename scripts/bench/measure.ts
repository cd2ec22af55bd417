// Sequential TTFB measurement of list views from one signed-in client, with a check that every
// response is the real page (a table or the empty state), not a redirect to sign-in or an error.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { BenchClient } from "./http";
import type { TView } from "./views";

export type TSample = TView & {
  status: number;
  ttfbMs: number;
  totalMs: number;
  bytes: number;
  ok: boolean;
  problem?: string;
};

/** The empty-state sentence in every language the console speaks (the page may answer in either). */
function emptyStateTexts(): string[] {
  return ["en", "ar"].flatMap((locale) => {
    try {
      const messages = JSON.parse(readFileSync(join(process.cwd(), "lib/i18n/messages", `${locale}.json`), "utf8"));
      const text = messages?.accounts?.empty;
      return typeof text === "string" ? [text] : [];
    } catch {
      return [];
    }
  });
}

export async function measureViews(
  client: BenchClient,
  views: TView[],
  onProgress?: (done: number) => void,
): Promise<TSample[]> {
  const empty = emptyStateTexts();
  const samples: TSample[] = [];
  for (const view of views) {
    const res = await client.request("GET", view.path);
    let problem: string | undefined;
    if (res.status !== 200) problem = `status ${res.status}${res.headers.location ? ` → ${res.headers.location}` : ""}`;
    else if (!res.body.includes("<table") && !empty.some((t) => res.body.includes(t)))
      problem = "neither a table nor the empty state";
    samples.push({
      ...view,
      status: res.status,
      ttfbMs: res.ttfbMs,
      totalMs: res.totalMs,
      bytes: res.body.length,
      ok: !problem,
      problem,
    });
    onProgress?.(samples.length);
  }
  return samples;
}
