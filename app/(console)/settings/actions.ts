"use server";

import { cookies } from "next/headers";
import { runAsSession, runFormAction } from "@/lib/actions/server-action";
import { changeRoleMutation, createUserMutation, setActiveMutation, updateProfileMutation } from "@/lib/actions/users";
import type { TResult } from "@/lib/errors";
import { LOCALE_COOKIE } from "@/lib/i18n/locales";

export async function updateProfileAction(input: unknown): Promise<TResult<null>> {
  const result = await runAsSession(updateProfileMutation, input);
  if (result.ok && result.data.locale) {
    (await cookies()).set(LOCALE_COOKIE, result.data.locale, {
      path: "/",
      sameSite: "lax",
      httpOnly: true,
      maxAge: 365 * 86_400,
    });
  }
  return result.ok ? { ok: true, data: null } : result;
}

export async function createUserAction(input: unknown) {
  return runFormAction(createUserMutation, input);
}

export async function changeRoleAction(input: unknown) {
  return runFormAction(changeRoleMutation, input);
}

export async function setActiveAction(input: unknown) {
  return runFormAction(setActiveMutation, input);
}
