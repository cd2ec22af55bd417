import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

// `npm start` runs its script through `sh -c`; npm passes SIGTERM to that shell, which dies without
// passing it on, and the console (next-server) kept running. `exec` makes the script's process take
// the shell's place, so the signal reaches scripts/start.ts, which stops the server tree
// (scripts/process-tree.ts).
describe("npm start", () => {
  it("execs its script so a SIGTERM to npm reaches scripts/start.ts", () => {
    const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
      scripts: Record<string, string>;
    };
    expect(pkg.scripts.start).toMatch(/^exec node .*scripts\/run-cli\.mjs start$/);
  });
});
