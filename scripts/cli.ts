import { DatabaseInUseError } from "../lib/db/pglite-lock";
import { ConfigError, databaseLabel } from "../lib/env";
import { AppError, isConnectionError } from "../lib/errors";

/**
 * Runs a CLI's main: turns expected failures into one clear line on stderr and a non-zero exit
 * (2 for usage and input errors, 1 for everything else); never prints a stack trace or a secret.
 */
export async function runCli(main: () => Promise<number | void>): Promise<never> {
  let code = 0;
  try {
    code = (await main()) ?? 0;
  } catch (error) {
    code = 1;
    if (error instanceof UsageError || error instanceof ConfigError || error instanceof DatabaseInUseError) {
      code = error instanceof UsageError ? 2 : 1;
      console.error(`error: ${error.message}`);
    } else if (isConnectionError(error) || (error instanceof AppError && error.code === "database_unavailable")) {
      console.error(`error: cannot reach the database (${safeLabel()}). Is it running and is DATABASE_URL right?`);
    } else {
      console.error(`error: ${(error as Error)?.message ?? String(error)}`);
    }
  } finally {
    // Imported lazily: CLIs that never touch the database (lifecycle decide/compare) skip loading
    // Prisma and PGlite, which costs about a second at start-up.
    if ((globalThis as { __lifecycleDb?: unknown }).__lifecycleDb) {
      await (await import("../lib/db")).closeDb().catch(() => undefined);
    }
  }
  process.exit(code);
}

export class UsageError extends Error {}

function safeLabel(): string {
  try {
    return databaseLabel();
  } catch {
    return "unknown database";
  }
}

export async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) return "";
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}
