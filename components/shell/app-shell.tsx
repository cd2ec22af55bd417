import { getTranslations } from "next-intl/server";
import Link from "next/link";
import type { ReactNode } from "react";
import { can } from "@/lib/domain/auth/permissions";
import type { TUser } from "@/lib/domain/users/schemas";
import { settingsSectionsFor } from "@/components/settings/settings-sections";
import { LanguageSwitch } from "./language-switch";
import { PendingBadge } from "./pending-badge";
import { MainNav } from "./main-nav";
import { NoticesLink } from "./notices-link";
import { ThemeSwitch } from "./theme-switch";
import { UserMenu } from "./user-menu";

/**
 * Navigation lists only areas that exist and that this role may open: no dead links. Groups, in order:
 * daily work, the customer lifecycle, oversight of the automation, settings (one link to every section
 * the role may open; the sections themselves are listed in components/settings/settings-sections.ts).
 */
function navGroups(user: TUser) {
  const read = can(user.role, "accounts:read");
  return [
    [
      { href: "/accounts", key: "accounts", show: read },
      { href: "/approvals", key: "approvals", show: read },
      { href: "/tasks", key: "tasks", show: read },
      { href: "/support", key: "support", show: read },
      { href: "/incidents", key: "incidents", show: read },
    ],
    [
      { href: "/onboarding", key: "onboarding", show: read },
      { href: "/connectors", key: "connectors", show: read },
      { href: "/journeys", key: "journeys", show: read },
      { href: "/at-risk", key: "atRisk", show: read },
    ],
    [
      { href: "/outbox", key: "outbox", show: read },
      { href: "/shadow", key: "shadow", show: read },
      { href: "/ledger", key: "ledger", show: can(user.role, "ledger:read") },
    ],
    [{ href: "/settings", key: "settings", show: settingsSectionsFor(user.role).length > 0 }],
  ] as const;
}

/** `pending` is the approvals badge count and `unreadNotices` the bell's, both read by the layout. */
export async function AppShell({
  user,
  pending,
  unreadNotices,
  children,
}: {
  user: TUser;
  pending: number;
  unreadNotices: number;
  children: ReactNode;
}) {
  const [t, tRoles, tApp] = await Promise.all([
    getTranslations("nav"),
    getTranslations("roles"),
    getTranslations("app"),
  ]);
  return (
    <div className="flex min-h-screen flex-col">
      <a
        href="#content"
        className="sr-only focus:not-sr-only focus:absolute focus:start-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-slate-900"
      >
        {t("skip")}
      </a>
      <header className="border-b border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-2">
          <Link href="/accounts" className="me-2 text-base font-semibold text-brand-900 dark:text-brand-100">
            {tApp("name")}
          </Link>
          <MainNav
            label={t("main")}
            openLabel={t("openMenu")}
            closeLabel={t("closeMenu")}
            groups={navGroups(user)
              .map((group) =>
                group
                  .filter((i) => i.show)
                  .map((i) => ({
                    href: i.href,
                    label: (
                      <>
                        {t(i.key)}
                        {i.key === "approvals" ? <PendingBadge initial={pending} /> : null}
                      </>
                    ),
                  })),
              )
              .filter((group) => group.length > 0)}
          />
          <div className="order-2 ms-auto flex items-center gap-2 md:order-1">
            <NoticesLink unread={unreadNotices} />
            <LanguageSwitch />
            <ThemeSwitch />
            <UserMenu name={user.name} email={user.email} role={tRoles(user.role)} />
          </div>
        </div>
      </header>
      <main id="content" tabIndex={-1} className="mx-auto w-full max-w-7xl flex-1 px-4 py-6 focus:outline-none">
        {children}
      </main>
    </div>
  );
}
