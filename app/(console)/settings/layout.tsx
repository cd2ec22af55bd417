import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { SettingsNav } from "@/components/settings/settings-nav";
import { settingsSectionsFor } from "@/components/settings/settings-sections";
import { currentUser } from "@/lib/auth/session";

/**
 * The section links shared by every settings page. It only decides which links to show: each page still
 * runs its own requirePage check, so a forbidden page stays forbidden whatever this layout renders.
 */
export default async function SettingsLayout({ children }: { children: ReactNode }) {
  const [user, t, tAll] = await Promise.all([currentUser(), getTranslations("settings"), getTranslations()]);
  const sections = user ? settingsSectionsFor(user.role) : [];
  return (
    <div className="space-y-6">
      {sections.length > 0 ? (
        <SettingsNav
          label={t("sections")}
          sections={sections.map((s) => ({
            href: `/settings/${s.segment}`,
            label: tAll(s.label as Parameters<typeof tAll>[0]),
          }))}
        />
      ) : null}
      {children}
    </div>
  );
}
