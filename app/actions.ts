"use server";

import { cookies } from "next/headers";
import { z } from "zod";
import { runAsSession } from "@/lib/actions/server-action";
import { setLocaleMutation } from "@/lib/actions/users";
import { currentUser } from "@/lib/auth/session";
import type { TResult } from "@/lib/errors";
import { LOCALE_CODES, LOCALE_COOKIE } from "@/lib/i18n/locales";

/** Language switch: remembered in a cookie for everyone, and in the profile (ledgered) when signed in. */
export async function switchLocaleAction(locale: unknown): Promise<TResult<null>> {
  const parsed = z.enum(LOCALE_CODES).safeParse(locale);
  if (!parsed.success) return { ok: false, code: "invalid_input" };
  (await cookies()).set(LOCALE_COOKIE, parsed.data, {
    path: "/",
    sameSite: "lax",
    httpOnly: true,
    maxAge: 365 * 86_400,
  });
  if (!(await currentUser())) return { ok: true, data: null };
  const result = await runAsSession(setLocaleMutation, { locale: parsed.data });
  return result.ok ? { ok: true, data: null } : result;
}
