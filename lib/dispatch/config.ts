import "server-only";
import { z } from "zod";
import { DEFAULT_FROM } from "../domain/dispatch/email";
import { ConfigError } from "../env";
import { smtpTransport } from "./smtp";
import { previewTransport, type TTransport } from "./transport";

const ZDispatchEnv = z.object({
  LIVE_SEND: z.enum(["0", "1"]).default("0"),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "smtp:// or smtps://")
    .optional(),
  MAIL_FROM: z.string().min(3).default(DEFAULT_FROM),
  DISPATCHER: z.enum(["on", "off"]).default("on"),
  DISPATCH_INTERVAL_MS: z.coerce.number().int().min(100).default(5_000),
});
export type TDispatchConfig = z.infer<typeof ZDispatchEnv>;

/** Dispatch settings from the environment; names the bad variable, never echoes a value (SMTP_URL holds a password). */
export function dispatchConfig(source: Record<string, string | undefined> = process.env): TDispatchConfig {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== ""));
  const parsed = ZDispatchEnv.safeParse(cleaned);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => i.path.join(".")).join(", ");
    throw new ConfigError(`Invalid dispatch configuration in: ${fields}. See README → Dispatch and freeze.`);
  }
  if (parsed.data.LIVE_SEND === "1" && !parsed.data.SMTP_URL) {
    throw new ConfigError(
      "LIVE_SEND=1 needs SMTP_URL (smtp://user:password@host:587). Nothing is sent until it is set.",
    );
  }
  return parsed.data;
}

/** Live sending is on only with LIVE_SEND=1 and SMTP_URL; the pages say what approval will do from it. */
export const isLiveSending = (config: TDispatchConfig): boolean => config.LIVE_SEND === "1" && !!config.SMTP_URL;

/** Preview unless live sending is switched on (LIVE_SEND=1 with SMTP_URL). */
export function transportFor(config: TDispatchConfig): TTransport {
  return isLiveSending(config) && config.SMTP_URL ? smtpTransport(config.SMTP_URL) : previewTransport;
}
