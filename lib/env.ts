import { z } from "zod";
import { parseTrustedProxies } from "./domain/auth/client-address";

/**
 * Process configuration, parsed once. Throws a ConfigError with a message a person can act on;
 * never echoes secret values.
 */
const ZEnv = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().url().optional(),
  PGLITE_DIR: z.string().min(1).default("./data/pglite"),
  AUTH_SECRET: z.string().min(32).optional(),
  DEMO: z.enum(["0", "1"]).optional(),
  DEFAULT_TIME_ZONE: z.string().default("Asia/Riyadh"),
  // IPs/CIDRs of reverse proxies whose X-Forwarded-For / X-Forwarded-Host are believed; default none.
  TRUSTED_PROXIES: z
    .string()
    .optional()
    .refine((v) => {
      try {
        parseTrustedProxies(v);
        return true;
      } catch {
        return false;
      }
    }),
});

export type TEnv = z.infer<typeof ZEnv> & { engine: "pglite" | "postgresql"; demo: boolean };

export class ConfigError extends Error {}

export function readEnv(source: NodeJS.ProcessEnv = process.env): TEnv {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== ""));
  const parsed = ZEnv.safeParse(cleaned);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => i.path.join(".")).join(", ");
    throw new ConfigError(`Invalid configuration in: ${fields}. See README → Configuration.`);
  }
  const env = parsed.data;
  const engine = env.DATABASE_URL ? "postgresql" : "pglite";
  // Demo users are the embedded default; a real PostgreSQL deployment has them only when asked.
  const demo = env.DEMO ? env.DEMO === "1" : !(env.NODE_ENV === "production" && engine === "postgresql");
  if (env.NODE_ENV === "production" && engine === "postgresql" && !env.AUTH_SECRET) {
    throw new ConfigError(
      "AUTH_SECRET is required when NODE_ENV=production and DATABASE_URL is set. " +
        "Generate one with: openssl rand -base64 48",
    );
  }
  return { ...env, engine, demo };
}

let cached: TEnv | undefined;
export function env(): TEnv {
  cached ??= readEnv();
  return cached;
}

/** Host (and port) of the configured database, safe to print: no user, password or query. */
export function databaseLabel(e: TEnv = env()): string {
  if (!e.DATABASE_URL) return `embedded PGlite at ${e.PGLITE_DIR}`;
  const url = new URL(e.DATABASE_URL);
  return `PostgreSQL at ${url.hostname}${url.port ? `:${url.port}` : ""}`;
}
