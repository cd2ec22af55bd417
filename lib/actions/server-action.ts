import "server-only";
import { revalidatePath } from "next/cache";
import type { z } from "zod";
import { currentActor, requestId } from "../auth/session";
import type { TResult } from "../errors";
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
