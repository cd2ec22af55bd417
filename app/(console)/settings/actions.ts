"use server";

import { cookies } from "next/headers";
import { runAsSession } from "@/lib/actions/server-action";
import { changeRoleMutation, createUserMutation, setActiveMutation, updateProfileMutation } from "@/lib/actions/users";
import type { TResult } from "@/lib/errors";
import { LOCALE_COOKIE } from "@/lib/i18n/locales";

// Thin: each action hands its input to a mutation (session → permission → validation → ledgered
// transaction) and returns only what the form needs.
const done = <T>(r: TResult<T>): TResult<null> => (r.ok ? { ok: true, data: null } : r);

export async function updateProfileAction(input: unknown) {
  const result = await runAsSession(updateProfileMutation, input);
  if (result.ok && result.data.locale) {
    (await cookies()).set(LOCALE_COOKIE, result.data.locale, {
      path: "/",
      sameSite: "lax",
      httpOnly: true,
      maxAge: 365 * 86_400,
    });
  }
  return done(result);
}

export async function createUserAction(input: unknown) {
  return done(await runAsSession(createUserMutation, input));
}

export async function changeRoleAction(input: unknown) {
  return done(await runAsSession(changeRoleMutation, input));
}

export async function setActiveAction(input: unknown) {
  return done(await runAsSession(setActiveMutation, input));
}
