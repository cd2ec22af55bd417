import "server-only";
import { randomUUID } from "node:crypto";
import { recordLedger } from "../data/ledger";
import { ledgerEntry } from "../domain/ledger/entry";
import { admitCounted, claimSlot, clearCounter, pruneCounters, releaseCounted } from "../data/rate-counters";
import { findUserForSignIn } from "../data/users";
import { safeRequestId } from "../domain/auth/request-id";
import {
  NOT_AN_EMAIL,
  SIGN_IN_LEDGER_INTERVAL_MS,
  SIGN_IN_RULES,
  normaliseSignInEmail,
  type TAttemptRule,
} from "../domain/auth/sign-in-limits";
import { AppError, isConnectionError } from "../errors";
import { clientAddressOf } from "./peer";
import { verifyPassword } from "./password";

// A real hash of a random value: unknown emails cost the same time as wrong passwords.
const DUMMY_HASH = "scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$ZGdhbW1hZGdhbW1hZGdhbW1hZGdhbW1hZGdhbW1hMDA";

export type THeaders = Record<string, string | string[] | undefined>;
export type TSignedIn = { id: string; email: string; name: string; sessionVersion: number };

/** Thrown to next-auth, which hands the message to the sign-in form; the form translates it. */
export class SignInRefused extends Error {
  constructor(readonly code: "rate_limited" | "database_unavailable" | "failed") {
    super(code);
  }
}

/**
 * Checks typed credentials. Order: count the attempt (refusing it when a counter says wait) → look
 * up and verify → ledger. Refused and failed attempts are ledgered at most once a minute per
 * (account, address), the rest folded into the next entry, so a flood cannot fill the ledger. Null
 * means wrong credentials or a disabled account (the form shows one message for all three).
 */
export async function checkSignIn(input: {
  email: unknown;
  password: unknown;
  headers: THeaders | undefined;
  now?: Date;
}): Promise<TSignedIn | null> {
  const now = input.now ?? new Date();
  const get = (name: string) => input.headers?.[name];
  const email = normaliseSignInEmail(input.email);
  const password = String(input.password ?? "").slice(0, 200);
  const requestId = safeRequestId(String(get("x-request-id") ?? ""), randomUUID);
  const address = clientAddressOf(get) ?? "unknown";
  const pairKey = `${email}|${address}`;
  try {
    await pruneCounters(now).catch(() => undefined);
    const counters: [string, string, TAttemptRule][] = [
      ["sign_in:account_address", pairKey, SIGN_IN_RULES.accountAddress],
      ["sign_in:account", email, SIGN_IN_RULES.account],
    ];
    // An unknown address is no address: one shared counter would let anyone slow everyone down.
    if (address !== "unknown") counters.push(["sign_in:address", address, SIGN_IN_RULES.address]);
    for (const [kind, key, rule] of counters) {
      const r = await admitCounted(kind, key, rule, now);
      if (r.admitted) continue;
      await ledgerThrottled(pairKey, now, {
        actorId: email,
        action: "auth.rate_limited",
        target: null,
        summary: `sign-in refused: too many attempts (${kind.slice("sign_in:".length)})`,
        requestId,
      });
      throw new SignInRefused("rate_limited");
    }
    const user = email === NOT_AN_EMAIL ? null : await findUserForSignIn(email);
    const valid = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
    if (!user || !valid || !user.active) {
      const why = !user ? "unknown email" : !valid ? "wrong password" : "account disabled";
      await ledgerThrottled(pairKey, now, {
        actorId: user?.id ?? email,
        action: "auth.sign_in_failed",
        target: user ? `user:${user.id}` : null,
        summary: why,
        requestId,
      });
      return null;
    }
    // Successes do not count: a team signing in all day from one office address is never slowed.
    await clearCounter("sign_in:account_address", pairKey);
    for (const [kind, key] of counters.slice(1)) await releaseCounted(kind, key);
    await recordLedger(
      ledgerEntry(
        { actorType: "user", actorId: user.id, actorRole: user.role },
        { action: "auth.sign_in", target: `user:${user.id}`, summary: `${user.email} signed in`, requestId },
      ),
    );
    return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
  } catch (error) {
    if (error instanceof SignInRefused) throw error;
    const down = isConnectionError(error) || (error instanceof AppError && error.code === "database_unavailable");
    throw new SignInRefused(down ? "database_unavailable" : "failed");
  }
}

async function ledgerThrottled(
  pairKey: string,
  now: Date,
  entry: { actorId: string; action: string; target: string | null; summary: string; requestId: string },
): Promise<void> {
  const slot = await claimSlot("sign_in_ledger", pairKey, SIGN_IN_LEDGER_INTERVAL_MS, now);
  if (!slot.write) return;
  await recordLedger(
    ledgerEntry(
      { actorType: "anonymous", actorId: entry.actorId, actorRole: null },
      {
        ...entry,
        summary: slot.folded > 0 ? `${entry.summary} (+${slot.folded} earlier not ledgered one by one)` : entry.summary,
      },
    ),
  );
}
