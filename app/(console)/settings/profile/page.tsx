import { getTranslations } from "next-intl/server";
import { ProfileForm } from "@/components/settings/profile-form";
import { requirePage } from "@/lib/auth/session";
import { localeContext } from "@/lib/i18n/server";

export async function generateMetadata() {
  return { title: (await getTranslations("settings"))("profileTitle") };
}

export default async function ProfilePage() {
  await requirePage("profile:update", "/settings/profile");
  const [t, ctx] = await Promise.all([getTranslations("settings"), localeContext()]);
  const zones = Intl.supportedValuesOf("timeZone");
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("profileTitle")}</h1>
      <p className="text-sm text-slate-600 dark:text-slate-400">{t("profileDescription")}</p>
      <ProfileForm
        locale={ctx.locale}
        timeZone={ctx.timeZone}
        zones={zones.includes(ctx.timeZone) ? zones : [ctx.timeZone, ...zones]}
      />
    </div>
  );
}
