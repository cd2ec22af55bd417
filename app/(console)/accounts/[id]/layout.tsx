import { ChevronLeft } from "lucide-react";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { AccountHeader } from "@/components/accounts/account-header";
import { AccountTabNav } from "@/components/accounts/account-tab-nav";
import { ACCOUNT_TABS } from "@/components/accounts/account-tabs";
import { requirePage } from "@/lib/auth/session";
import { localeContext } from "@/lib/i18n/server";
import { loadAccount } from "./load";

type Params = Promise<{ id: string }>;

export async function generateMetadata({ params }: { params: Params }) {
  const account = await loadAccount((await params).id);
  return { title: account?.name ?? (await getTranslations("notFound"))("title") };
}

/** Header and section tabs shared by every account section. */
export default async function AccountLayout({ params, children }: { params: Params; children: ReactNode }) {
  const { id } = await params;
  await requirePage("accounts:read", `/accounts/${id}`);
  const [account, fmt, t, tAll] = await Promise.all([
    loadAccount(id),
    localeContext(),
    getTranslations("account"),
    getTranslations(),
  ]);
  if (!account) notFound();
  const base = `/accounts/${account.id}`;
  return (
    <div className="space-y-6">
      <Link
        href="/accounts"
        className="inline-flex items-center gap-1 text-sm text-brand-700 hover:underline dark:text-brand-100"
      >
        <ChevronLeft aria-hidden className="size-4 rtl:-scale-x-100" />
        {t("back")}
      </Link>
      <AccountHeader account={account} fmt={fmt} now={new Date()} />
      <AccountTabNav
        label={t("tabs")}
        tabs={ACCOUNT_TABS.map((tab) => ({
          href: tab.segment ? `${base}/${tab.segment}` : base,
          label: tAll(tab.label as Parameters<typeof tAll>[0]),
        }))}
      />
      {children}
    </div>
  );
}
