// `prisma generate` never uses the schema engine, but the CLI insists on finding one and would try to
// download it (impossible offline). Point it at any existing file, then generate the client.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const anyFile = fileURLToPath(import.meta.url);
const result = spawnSync("npx", ["prisma", "generate"], {
  stdio: "inherit",
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? anyFile,
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
  },
});
process.exit(result.status ?? 1);
