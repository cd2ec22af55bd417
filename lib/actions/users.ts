import "server-only";
import { hashPassword } from "../auth/password";
import { countOtherActiveFounders, createUser, findUserByEmail, updateUser } from "../data/users";
import { ZChangeRole, ZCreateUser, ZEmail, ZSetActive, ZUpdateProfile } from "../domain/users/schemas";
import { z } from "zod";
import { AppError } from "../errors";
import { LOCALE_CODES } from "../i18n/locales";
import { defineMutation } from "./mutation";

export const createUserMutation = defineMutation({
  name: "users.create",
  permission: "users:manage",
  input: ZCreateUser,
  async run({ tx, input }) {
    const user = await createUser(tx, {
      email: input.email,
      name: input.name,
      role: input.role,
      passwordHash: await hashPassword(input.password),
    });
    return { result: user, ledger: { target: `user:${user.id}`, summary: `created ${user.email} as ${user.role}` } };
  },
});

// A founder cannot demote or disable the last active founder: nobody could approve or manage users.
async function guardLastFounder(tx: Parameters<typeof countOtherActiveFounders>[0], userId: string) {
  if ((await countOtherActiveFounders(tx, userId)) === 0)
    throw new AppError("conflict", { _: "validation.last_founder" });
}

export const changeRoleMutation = defineMutation({
  name: "users.change_role",
  permission: "users:manage",
  input: ZChangeRole,
  async run({ tx, input }) {
    const { before, after } = await updateUser(tx, input.userId, { role: input.role });
    if (before.role === "founder" && after.role !== "founder" && before.active) await guardLastFounder(tx, before.id);
    return {
      result: after,
      ledger: { target: `user:${after.id}`, summary: `${after.email}: role ${before.role} → ${after.role}` },
    };
  },
});

export const setActiveMutation = defineMutation({
  name: "users.set_active",
  permission: "users:manage",
  input: ZSetActive,
  async run({ tx, input, actor }) {
    if (!input.active && input.userId === actor.id) throw new AppError("conflict", { _: "validation.not_self" });
    const { before, after } = await updateUser(tx, input.userId, { active: input.active });
    if (!after.active && after.role === "founder") await guardLastFounder(tx, after.id);
    const verb = after.active ? "enabled" : "disabled";
    return {
      result: after,
      ledger: {
        target: `user:${after.id}`,
        summary: `${after.email} ${verb} (was ${before.active ? "active" : "disabled"})`,
      },
    };
  },
});

/** CLI form of disable: by email, as operators know people by email. */
export const disableUserByEmailMutation = defineMutation({
  name: "users.set_active",
  permission: "users:manage",
  input: z.object({ email: ZEmail }),
  async run({ tx, input }) {
    const user = await findUserByEmail(tx, input.email);
    if (!user) throw new AppError("not_found", { email: "validation.unknown_user" });
    const { after } = await updateUser(tx, user.id, { active: false });
    if (user.role === "founder") await guardLastFounder(tx, user.id);
    return { result: after, ledger: { target: `user:${user.id}`, summary: `${user.email} disabled` } };
  },
});

export const updateProfileMutation = defineMutation({
  name: "profile.update",
  permission: "profile:update",
  input: ZUpdateProfile,
  async run({ tx, input, actor }) {
    const { before, after } = await updateUser(tx, actor.id, { locale: input.locale, timeZone: input.timeZone });
    return {
      result: after,
      ledger: {
        target: `user:${actor.id}`,
        summary: `locale ${before.locale ?? "-"} → ${after.locale}, time zone ${before.timeZone ?? "-"} → ${after.timeZone}`,
      },
    };
  },
});

export const setLocaleMutation = defineMutation({
  name: "profile.locale",
  permission: "profile:update",
  input: z.object({ locale: z.enum(LOCALE_CODES) }),
  async run({ tx, input, actor }) {
    const { before, after } = await updateUser(tx, actor.id, { locale: input.locale });
    return {
      result: after.locale,
      ledger: { target: `user:${actor.id}`, summary: `locale ${before.locale ?? "-"} → ${after.locale}` },
    };
  },
});
