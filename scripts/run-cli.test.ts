import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

// The npm scripts start the compiled CLIs (scripts/run-cli.mjs); a CLI missing from the build list
// would fail at its first run, and one started another way would skip the staleness check.
describe("compiled CLIs", () => {
  const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
    scripts: Record<string, string>;
  };

  it("every CLI npm script runs its bundle under react-server conditions, and every bundle has a source", async () => {
    const { CLIS } = (await import("./build-cli.mjs" as string)) as { CLIS: string[] };
    const run = Object.values(pkg.scripts)
      .map((command) => /^(?:exec )?node --conditions=react-server scripts\/run-cli\.mjs ([a-z-]+)$/.exec(command))
      .filter((m) => m !== null)
      .map((m) => m[1]!);
    expect(new Set(run)).toEqual(new Set(CLIS));
    for (const name of CLIS) expect(existsSync(new URL(`./${name}.ts`, import.meta.url))).toBe(true);
    expect(Object.values(pkg.scripts).filter((c) => /\btsx\b/.test(c))).toEqual([]);
  });

  it("compiles the CLIs after prisma generate, at install", () => {
    expect(pkg.scripts.postinstall).toMatch(/prisma-generate\.mjs && node scripts\/build-cli\.mjs$/);
  });
});
