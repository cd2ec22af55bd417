import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import type { TActor } from "./actor";
import { SCOPES } from "./scopes";
import { zLine } from "../text/safe-text";

/**
 * API tokens: `lc_<kind letter>_<43 base64url characters>` (32 random bytes). The kind letter lets a
 * leaked token be recognised at a glance (and by secret scanners); only its sha256 is stored.
 */
export const TOKEN_KINDS = ["personal", "agent"] as const;
export type TTokenKind = (typeof TOKEN_KINDS)[number];

const KIND_LETTER: Record<TTokenKind, string> = { personal: "p", agent: "a" };
const TOKEN_PATTERN = /^lc_([pa])_([A-Za-z0-9_-]{43})$/;
export const TOKEN_BYTES = 32;
// Enough of the random part to tell tokens apart in a list, far too little to guess the rest.
const PREFIX_RANDOM_CHARS = 6;

export type TMintedToken = { secret: string; prefix: string; hash: string };

/** A new token of `kind`. `random` is a parameter so the format is testable with fixed bytes. */
export function mintToken(kind: TTokenKind, random: Uint8Array = randomBytes(TOKEN_BYTES)): TMintedToken {
  if (random.length !== TOKEN_BYTES) throw new Error(`a token needs ${TOKEN_BYTES} random bytes`);
  const secret = `lc_${KIND_LETTER[kind]}_${Buffer.from(random).toString("base64url")}`;
  return { secret, prefix: tokenPrefix(secret), hash: hashToken(secret) };
}

/** The kind a well-formed token claims, or null for anything that is not one of ours. */
export function tokenKindOf(secret: string): TTokenKind | null {
  const m = TOKEN_PATTERN.exec(secret);
  if (!m) return null;
  return m[1] === "p" ? "personal" : "agent";
}

/** What a person sees in lists: `lc_a_AbC123…`. Never enough to use the token. */
export function tokenPrefix(secret: string): string {
  return secret.slice(0, "lc_x_".length + PREFIX_RANDOM_CHARS);
}

/** sha256 hex: tokens are random, so a fast hash is enough (no salt or stretching needed). */
export function hashToken(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

export const ZScopes = z
  .array(z.enum(SCOPES))
  .max(SCOPES.length)
  .transform((list) => [...new Set(list)].sort());

/** "customer:read, shadow:write" → a sorted list of known scopes; throws naming the unknown ones. */
export function parseScopeList(text: string): string[] {
  const items = text
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = items.filter((s) => !(SCOPES as readonly string[]).includes(s));
  if (unknown.length) throw new Error(`unknown scope(s): ${unknown.join(", ")}; known: ${SCOPES.join(", ")}`);
  return [...new Set(items)].sort();
}

const ZName = zLine(80).min(1);

/**
 * Personal tokens act as one user; agent tokens act by scopes alone (and never approve). `user_email`
 * is for the operator CLI: in the console and the API a personal token is always for its creator.
 */
export const ZCreateToken = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("personal"),
    name: ZName,
    user_email: z.string().trim().toLowerCase().min(1).max(254).email().optional(),
  }),
  // An empty scope list is refused in the mutation with a clear field message (zod would say "too short").
  z.object({ kind: z.literal("agent"), name: ZName, scopes: ZScopes }),
]);
export type TCreateToken = z.infer<typeof ZCreateToken>;

export const ZRevokeToken = z.object({ id: z.uuid() });

/** A token as lists show it: never the secret or its hash. */
export type TTokenInfo = {
  id: string;
  name: string;
  kind: TTokenKind;
  userId: string | null;
  userEmail: string | null;
  scopes: string[];
  prefix: string;
  createdBy: string;
  /** The user who created it; null when the operator CLI did. */
  createdByUserId: string | null;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

// last_used_at is for people ("is this token still in use?"): minute precision is plenty and keeps
// a busy token from writing its row on every request.
export const LAST_USED_THROTTLE_MS = 60_000;

/** Whether a use at `now` should be written, given the last write this process knows of. */
export function shouldTouch(lastWrite: number | undefined, now: number): boolean {
  return lastWrite === undefined || now - lastWrite >= LAST_USED_THROTTLE_MS;
}

/**
 * Whether `actor` may create a personal token acting as `userId`. Only for themselves: a token made
 * for someone else would let its maker propose as that person and then approve as themselves
 * (maker ≠ checker). The operator CLI may make one for anyone: it already holds the database, and the
 * ledger names the CLI as the actor and the user it was made for.
 */
export function mayCreatePersonalTokenFor(actor: TActor, userId: string): boolean {
  return actor.type === "cli" || (actor.type === "user" && actor.id === userId);
}

/** The user id recorded as a token's creator: people only (the CLI and the system are no user). */
export const tokenCreatorId = (actor: TActor): string | null => (actor.type === "user" ? actor.id : null);
