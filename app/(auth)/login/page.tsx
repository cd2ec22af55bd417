import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { LanguageSwitch } from "@/components/shell/language-switch";
import { ThemeSwitch } from "@/components/shell/theme-switch";
import { currentUser } from "@/lib/auth/session";
import { DEMO_PASSWORD, DEMO_USERS } from "@/lib/domain/seed/demo-users";
import { safeNextPath } from "@/lib/domain/auth/redirect";
import { env } from "@/lib/env";

export async function generateMetadata() {
  return { title: (await getTranslations("login"))("title") };
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const next = safeNextPath((await searchParams).next);
  if (await currentUser()) redirect(next);
  const [t, tApp, tRoles] = await Promise.all([
    getTranslations("login"),
    getTranslations("app"),
    getTranslations("roles"),
  ]);
  const demo = env().demo ? DEMO_USERS.slice(0, 3).map((u) => ({ email: u.email, role: tRoles(u.role) })) : [];
  return (
    <div className="flex min-h-screen flex-col">
      <div className="flex justify-end gap-2 p-3">
        <LanguageSwitch />
        <ThemeSwitch />
      </div>
      <main id="content" className="flex flex-1 items-start justify-center px-4 pb-12 pt-6 sm:pt-16">
        <div className="w-full max-w-sm">
          <p className="text-sm font-semibold text-brand-700 dark:text-brand-100">{tApp("name")}</p>
          <h1 className="mt-1 text-2xl font-bold">{t("title")}</h1>
          <p className="mb-6 mt-1 text-sm text-slate-600 dark:text-slate-400">{t("subtitle")}</p>
          <LoginForm next={next} demo={demo} demoPassword={demo.length ? DEMO_PASSWORD : undefined} />
        </div>
      </main>
    </div>
  );
}
