// Compiles the CLIs once instead of at every start: each scripts/<name>.ts becomes dist/cli/<build>/<name>.mjs
// (one esbuild run, shared chunks, so a lazily imported subcommand or the database stays lazy).
//   node scripts/build-cli.mjs          build now (postinstall does this after prisma generate)
// scripts/run-cli.mjs rebuilds on its own when any source a bundle was built from changed, so a developer
// never runs a stale CLI after editing code.
//
// The project's TypeScript (scripts/, lib/, the generated Prisma client) and pure-JavaScript packages are
// bundled with the `react-server` condition, as `tsx --conditions=react-server` resolved them; packages with
// native or WASM assets and the framework (EXTERNAL below) are left to Node, which run-cli starts with the
// same condition, so PGlite, Prisma's runtime and pg load exactly as before.
import { mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const OUT = join(ROOT, "dist", "cli");
export const MANIFEST = join(OUT, "manifest.json");

/** The CLIs (scripts/<name>.ts) that get a bundle. */
export const CLIS = [
  "lifecycle",
  "ledger",
  "users",
  "tokens",
  "dispatch",
  "db-migrate",
  "db-seed",
  "db-role",
  "bench",
  "start",
];

/**
 * Packages left to Node at run time: native or WASM assets found next to their own files (PGlite and its
 * adapter, Prisma's runtime and its query compiler, pg), the framework (next, react, next-auth, next-intl:
 * one copy shared with what `next start` loads), and the build tools. Everything else (zod, date-fns,
 * canonicalize, …) is pure JavaScript and bundled: one file loads faster than hundreds of small modules.
 */
export const EXTERNAL = [
  "@electric-sql/pglite",
  "@electric-sql/pglite/*",
  "pglite-prisma-adapter",
  "@prisma/*",
  "pg",
  "pg-*",
  "next",
  "next/*",
  "next-auth",
  "next-auth/*",
  "next-intl",
  "next-intl/*",
  "react",
  "react/*",
  "react-dom",
  "react-dom/*",
  "nodemailer",
  "esbuild",
  "tsx",
  "tsx/*",
];

/**
 * Files outside the import graph that still change what a bundle contains or how it resolves; a change
 * to any of them rebuilds too (a new package version, a regenerated Prisma client, tsconfig paths).
 */
export const EXTRA_INPUTS = ["package.json", "package-lock.json", "tsconfig.json", "scripts/build-cli.mjs"];

// Bundles live in a directory per build: a CLI that is still running (say `npm start` or a dispatch loop,
// which may import a chunk late) keeps reading its own build while another process rebuilds. The newest
// few previous builds are kept for them; older ones are removed.
const KEEP_PREVIOUS_BUILDS = 2;

/**
 * `__dirname` / `__filename` in project code (lib/shadow/read.ts finds its worker file with them) would
 * name the bundle's directory; give each file its own source location instead, relative to the bundle so a
 * moved checkout still works. Not inside quotes: the generated Prisma client assigns `globalThis['__dirname']`.
 */
const sourcePaths = {
  name: "source-paths",
  setup(build) {
    build.onLoad({ filter: /\.[cm]?tsx?$/ }, async (args) => {
      if (args.path.includes(`${join("node_modules", "")}`)) return undefined;
      const { readFile } = await import("node:fs/promises");
      let contents = await readFile(args.path, "utf8");
      if (/(?<![\w$'".])__(dirname|filename)(?![\w$'"])/.test(contents)) {
        const rel = (p) => JSON.stringify(relative(ROOT, p).split("\\").join("/"));
        contents = contents
          .replace(/(?<![\w$'".])__dirname(?![\w$'"])/g, `__cliSource(${rel(dirname(args.path))})`)
          .replace(/(?<![\w$'".])__filename(?![\w$'"])/g, `__cliSource(${rel(args.path)})`);
      }
      return { contents, loader: args.path.endsWith("x") ? "tsx" : "ts" };
    });
  },
};

/** A file's mtime in ms, or null when it does not exist. */
export function mtimeOf(path) {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return null;
  }
}

/** Builds every CLI into a fresh directory, switches the manifest to it and removes old builds. */
export async function buildCli({ quiet = false } = {}) {
  const { build } = await import("esbuild");
  const started = Date.now();
  const id = `b${started.toString(36)}-${process.pid}`;
  const outdir = join(OUT, id);
  // From dist/cli/<build>/ (or its chunks/) back to the repository root.
  const banner = [
    `import { createRequire as __cliCreateRequire } from "node:module";`,
    `import { fileURLToPath as __cliFileURLToPath } from "node:url";`,
    `const require = __cliCreateRequire(import.meta.url);`,
    `const __cliSource = (p) => __cliFileURLToPath(new URL("../../../" + p, import.meta.url.replace(/\\/chunks\\/[^/]*$/, "/x")));`,
  ].join("\n");
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: Object.fromEntries(CLIS.map((name) => [name, `scripts/${name}.ts`])),
    outdir,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    outExtension: { ".js": ".mjs" },
    chunkNames: "chunks/[name]-[hash]",
    conditions: ["react-server"],
    external: EXTERNAL,
    // `import "server-only"` marks modules the browser must never get; the CLIs are servers.
    alias: { "server-only": "./scripts/empty-module.mjs" },
    banner: { js: banner },
    sourcemap: "linked",
    sourcesContent: false,
    metafile: true,
    logLevel: quiet ? "error" : "warning",
    plugins: [sourcePaths],
  });
  const inputs = [
    ...new Set([...Object.keys(result.metafile.inputs).filter((p) => !p.includes("node_modules/")), ...EXTRA_INPUTS]),
  ].sort();
  // Each source's mtime as built: run-cli rebuilds when one differs (also a file restored with an older
  // time) or is newer than the build's start (edited while it ran).
  const mtimes = Object.fromEntries(inputs.map((p) => [p, mtimeOf(join(ROOT, p))]));
  const manifest = { build: id, builtAt: started, inputs: mtimes, clis: CLIS };
  // Written then renamed: a reader sees the old manifest or the new one, never half of one.
  const tmp = `${MANIFEST}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(manifest, null, 1));
  renameSync(tmp, MANIFEST);
  const previous = readdirSync(OUT)
    .filter((name) => name !== id && /^b[0-9a-z]+-\d+$/.test(name))
    .map((name) => ({ path: join(OUT, name), at: statSync(join(OUT, name)).mtimeMs }))
    .sort((a, b) => b.at - a.at);
  for (const old of previous.slice(KEEP_PREVIOUS_BUILDS)) rmSync(old.path, { recursive: true, force: true });
  if (!quiet) console.log(`CLIs compiled into ${relative(ROOT, outdir)} in ${Date.now() - started} ms.`);
  return manifest;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  mkdirSync(OUT, { recursive: true });
  buildCli().catch((error) => {
    console.error(`error: could not compile the CLIs: ${error?.message ?? error}`);
    process.exit(1);
  });
}
