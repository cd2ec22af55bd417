import "server-only";
import { revalidatePath } from "next/cache";
import type { z } from "zod";
import { currentActor, requestId } from "../auth/session";
import type { TResult } from "../errors";
import { actorCan } from "../domain/auth/scopes";
import type { TCopyFinding } from "../domain/copy-guard/guard";
import { findingsOfProposal } from "./copy-guard";
import { runMutation, type TMutation } from "./mutation";

/** Runs a mutation as the signed-in user (the session is re-read from the database), then revalidates. */
export async function runAsSession<S extends z.ZodType, R>(m: TMutation<S, R>, input: unknown): Promise<TResult<R>> {
  const result = await runMutation(m, await currentActor(), input, await requestId());
  if (result.ok) revalidatePath("/", "layout");
  return result;
}

/** For forms that only need to know it worked: the same door, with the result's data left out. */
export async function runFormAction<S extends z.ZodType, R>(
  m: TMutation<S, R>,
  input: unknown,
): Promise<TResult<null>> {
  const result = await runAsSession(m, input);
  return result.ok ? { ok: true, data: null } : result;
}

/** What a form learns when it proposes a customer message: what the copy guard found in it (empty: none). */
export type TProposed = { blocked: TCopyFinding[] };

/**
 * For forms that propose a customer message: the door as runFormAction, then the copy guard's findings
 * on the proposal just made, so a blocked draft is never a surprise to its proposer.
 */
export async function runProposeAction<S extends z.ZodType, R extends { id: string }>(
  m: TMutation<S, R>,
  input: unknown,
): Promise<TResult<TProposed>> {
  const result = await runAsSession(m, input);
  return result.ok ? { ok: true, data: { blocked: await findingsOfProposal(result.data.id) } } : result;
}

/**
 * For an action that must read or compute something before it calls the door: the door's own first
 * two checks (signed in, permitted) up front, so nothing is looked up for a stranger. Null when the
 * caller may go on; otherwise the refusal to return (a denial goes through the door, so it is ledgered).
 */
export async function refuseUnlessPermitted<S extends z.ZodType, R>(
  m: TMutation<S, R>,
): Promise<TResult<never> | null> {
  const actor = await currentActor();
  if (!actor) return { ok: false, code: "unauthenticated" };
  if (actorCan(actor, m.permission)) return null;
  const denied = await runMutation(m, actor, undefined, await requestId());
  return denied.ok ? { ok: false, code: "forbidden" } : denied;
}
