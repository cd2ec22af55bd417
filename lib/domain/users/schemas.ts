import { z } from "zod";
import { ROLES } from "../auth/permissions";
import { LOCALE_CODES } from "../../i18n/locales";
import { zLine } from "../text/safe-text";

export const ZEmail = z.string().trim().toLowerCase().min(1).max(254).email();
// 12+ characters: long passphrases beat composition rules (NIST SP 800-63B).
export const ZPassword = z.string().min(12).max(200);

export const ZCreateUser = z.object({
  email: ZEmail,
  name: zLine(120).min(1),
  role: z.enum(ROLES),
  password: ZPassword,
});
export type TCreateUser = z.infer<typeof ZCreateUser>;

export const ZChangeRole = z.object({ userId: z.string().uuid(), role: z.enum(ROLES) });
export const ZSetActive = z.object({ userId: z.string().uuid(), active: z.boolean() });

export const ZUpdateProfile = z.object({
  locale: z.enum(LOCALE_CODES),
  timeZone: z
    .string()
    .min(1)
    .max(64)
    .refine((tz) => {
      try {
        new Intl.DateTimeFormat("en", { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    }),
});

export type TUser = {
  id: string;
  email: string;
  name: string;
  role: (typeof ROLES)[number];
  locale: "en" | "ar" | null;
  timeZone: string | null;
  active: boolean;
  createdAt: Date;
};
