"use server";

import { currentUser } from "@/lib/auth/session";
import { verifyLedger } from "@/lib/data/ledger";
import { can } from "@/lib/domain/auth/permissions";
import type { TVerifyResult } from "@/lib/domain/ledger/chain";
import type { TResult } from "@/lib/errors";

/** Read-only: walks the whole chain now. Changes nothing, so it is not a ledgered mutation. */
export async function verifyLedgerAction(): Promise<TResult<TVerifyResult>> {
  const user = await currentUser();
  if (!user) return { ok: false, code: "unauthenticated" };
  if (!can(user.role, "ledger:read")) return { ok: false, code: "forbidden" };
  return { ok: true, data: await verifyLedger() };
}
