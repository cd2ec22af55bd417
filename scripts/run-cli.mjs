// Starts a compiled CLI: `node --conditions=react-server scripts/run-cli.mjs <name> [args…]` (what the npm
// scripts run). Recompiles first when any file the bundles were built from changed since (a few hundred
// stat calls, ~5 ms), so an edit to scripts/ or lib/ takes effect on the next run, as it did under tsx.
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { buildCli, MANIFEST, mtimeOf, OUT, ROOT } from "./build-cli.mjs";

const [name, ...args] = process.argv.slice(2);

/** The manifest of the current build, or null when there is none or it is older than any of its sources. */
function currentBuild() {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(MANIFEST, "utf8"));
  } catch {
    return null;
  }
  if (!manifest.clis?.includes(name)) return null;
  for (const [input, built] of Object.entries(manifest.inputs ?? {})) {
    const mtime = mtimeOf(join(ROOT, input));
    // Deleted, edited since, or replaced by another version (a checkout, a restore with an older time).
    if (mtime === null || mtime !== built || mtime >= manifest.builtAt) return null;
  }
  try {
    statSync(join(OUT, manifest.build, `${name}.mjs`));
  } catch {
    return null;
  }
  return manifest;
}

async function main() {
  const conditions = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? "").split(/\s+/)].join(" ");
  if (!/(--conditions|-C)[= ]react-server/.test(conditions)) {
    console.error(
      "error: run the CLIs as `node --conditions=react-server scripts/run-cli.mjs NAME` (see package.json)",
    );
    return process.exit(2);
  }
  let manifest = currentBuild();
  if (!manifest) {
    if (!name || !/^[a-z][a-z-]*$/.test(name)) {
      console.error("usage: node --conditions=react-server scripts/run-cli.mjs NAME [ARGS…]");
      return process.exit(2);
    }
    try {
      manifest = await buildCli({ quiet: true });
    } catch (error) {
      // esbuild has printed the errors with file and line already.
      console.error(`error: could not compile the CLIs (${error?.message?.split("\n")[0] ?? error})`);
      return process.exit(1);
    }
    if (!manifest.clis.includes(name)) {
      console.error(`error: no CLI named "${name}" (one of: ${manifest.clis.join(", ")})`);
      return process.exit(2);
    }
  }
  const bundle = join(OUT, manifest.build, `${name}.mjs`);
  // The CLI reads its arguments from process.argv.slice(2), as it did when run as a script.
  process.argv = [process.argv[0], bundle, ...args];
  await import(pathToFileURL(bundle).href);
}

await main();
