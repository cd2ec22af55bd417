import { getTranslations } from "next-intl/server";
import { TicketCreateForm } from "@/components/support/ticket-create-form";
import { Card } from "@/components/ui/card";
import { requirePage } from "@/lib/auth/session";
import { accountOption } from "@/lib/data/accounts";

export async function generateMetadata() {
  return { title: (await getTranslations("support"))("create.title") };
}

type Search = Promise<Record<string, string | string[] | undefined>>;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function NewTicketPage({ searchParams }: { searchParams: Search }) {
  await requirePage("tickets:write", "/support/new");
  const id = (await searchParams).account;
  // `?account=<id>` (the account's support tab links here) starts with that account picked.
  const account = typeof id === "string" && UUID.test(id) ? await accountOption(id) : null;
  const t = await getTranslations("support");
  return (
    <div className="max-w-2xl space-y-5">
      <div>
        <h1 className="text-2xl font-bold">{t("create.title")}</h1>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{t("create.description")}</p>
      </div>
      <Card>
        <TicketCreateForm account={account ?? undefined} />
      </Card>
    </div>
  );
}
