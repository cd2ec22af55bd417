import "server-only";
import { takeUnits, type TTake } from "../data/rate-counters";

// 2 requests a second on average is generous for an agent or a script and still stops a runaway
// loop within a minute. Counted in the database: every console process shares one count per token.
export const TOKEN_RATE_LIMIT = { limit: 120, windowMs: 60_000 };

/**
 * Counts one request for `tokenId` in a fixed one-minute window shared by all instances. Refused
 * requests are not counted, so a client that honours `Retry-After` gets in when the window turns.
 */
export function takeRequest(tokenId: string, now = new Date()): Promise<TTake> {
  return takeUnits("api_token", tokenId, TOKEN_RATE_LIMIT, now);
}
