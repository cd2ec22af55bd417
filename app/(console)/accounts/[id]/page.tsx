import { ChevronLeft } from "lucide-react";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { AccountHeader } from "@/components/accounts/account-header";
import { AccountOnboarding } from "@/components/accounts/account-onboarding";
import { AccountTimeline } from "@/components/accounts/account-timeline";
import { requirePage } from "@/lib/auth/session";
import { getAccount } from "@/lib/data/accounts";
import { localeContext } from "@/lib/i18n/server";
import { ProposeMessageForm } from "@/components/approvals/propose-message-form";
import { Card } from "@/components/ui/card";
import { can } from "@/lib/domain/auth/permissions";
import { LOCALES } from "@/lib/i18n/locales";

type Params = Promise<{ id: string }>;

async function load(id: string) {
  return z.uuid().safeParse(id).success ? getAccount(id) : null;
}

export async function generateMetadata({ params }: { params: Params }) {
  const account = await load((await params).id);
  return { title: account?.name ?? (await getTranslations("notFound"))("title") };
}

export default async function AccountPage({ params }: { params: Params }) {
  const { id } = await params;
  const user = await requirePage("accounts:read", `/accounts/${id}`);
  const [account, fmt, t, tp, tLang] = await Promise.all([
    load(id),
    localeContext(),
    getTranslations("account"),
    getTranslations("propose"),
    getTranslations("languages"),
  ]);
  if (!account) notFound();
  const now = new Date();
  return (
    <div className="space-y-6">
      <Link
        href="/accounts"
        className="inline-flex items-center gap-1 text-sm text-brand-700 hover:underline dark:text-brand-100"
      >
        <ChevronLeft aria-hidden className="size-4 rtl:-scale-x-100" />
        {t("back")}
      </Link>
      <AccountHeader account={account} fmt={fmt} now={now} />
      {/* Later capabilities (journey, tickets, onboarding checklist) add their tabs here. */}
      <nav aria-label={t("tabs")} className="border-b border-slate-200 dark:border-slate-800">
        <span aria-current="page" className="inline-block border-b-2 border-brand-600 px-3 py-2 text-sm font-medium">
          {t("tabTimeline")}
        </span>
      </nav>
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="lg:col-span-2">
          <AccountTimeline events={account.events} total={account.eventCount} fmt={fmt} />
        </div>
        <div className="space-y-6 self-start">
          <AccountOnboarding account={account} fmt={fmt} />
          {can(user.role, "proposals:create") ? (
            <Card aria-labelledby="propose-title" className="space-y-3">
              <h2 id="propose-title" className="text-lg font-semibold">
                {tp("title")}
              </h2>
              <p className="text-sm text-slate-600 dark:text-slate-400">{tp("description")}</p>
              {account.contacts[0] ? (
                <>
                  <p className="text-sm">
                    {tp("recipient", { name: account.contacts[0].name })} ·{" "}
                    {tp("language", { language: tLang(account.preferredLocale) })}
                  </p>
                  <ProposeMessageForm
                    accountId={account.id}
                    locale={account.preferredLocale}
                    dir={LOCALES[account.preferredLocale].dir}
                  />
                </>
              ) : (
                <p className="text-sm">{tp("noContact")}</p>
              )}
              <Link
                href={`/approvals?account=${account.id}&state=all`}
                className="block text-sm text-brand-700 hover:underline dark:text-brand-100"
              >
                {tp("history")} — {tp("viewAll")}
              </Link>
            </Card>
          ) : null}
        </div>
      </div>
    </div>
  );
}
