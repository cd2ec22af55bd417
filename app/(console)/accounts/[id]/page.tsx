import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AccountOnboarding } from "@/components/accounts/account-onboarding";
import { AccountTimeline } from "@/components/accounts/account-timeline";
import { requirePage } from "@/lib/auth/session";
import { localeContext } from "@/lib/i18n/server";
import { ProposeMessageForm } from "@/components/approvals/propose-message-form";
import { Card } from "@/components/ui/card";
import { can } from "@/lib/domain/auth/permissions";
import { loadAccount } from "./load";

type Params = Promise<{ id: string }>;

export default async function AccountPage({ params }: { params: Params }) {
  const { id } = await params;
  const user = await requirePage("accounts:read", `/accounts/${id}`);
  const [account, fmt, tp, tLang] = await Promise.all([
    loadAccount(id),
    localeContext(),
    getTranslations("propose"),
    getTranslations("languages"),
  ]);
  if (!account) notFound();
  return (
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
                <ProposeMessageForm accountId={account.id} />
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
  );
}
