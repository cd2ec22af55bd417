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
  await requirePage("accounts:read", `/accounts/${id}`);
  const [account, fmt, t] = await Promise.all([load(id), localeContext(), getTranslations("account")]);
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
        <div className="self-start">
          <AccountOnboarding account={account} fmt={fmt} />
        </div>
      </div>
    </div>
  );
}
