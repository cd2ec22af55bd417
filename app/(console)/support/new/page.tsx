import { getTranslations } from "next-intl/server";
import { TicketCreateForm } from "@/components/support/ticket-create-form";
import { Card } from "@/components/ui/card";
import { requirePage } from "@/lib/auth/session";

export async function generateMetadata() {
  return { title: (await getTranslations("support"))("create.title") };
}

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function NewTicketPage({ searchParams }: { searchParams: Search }) {
  await requirePage("tickets:write", "/support/new");
  const account = (await searchParams).account;
  const t = await getTranslations("support");
  return (
    <div className="max-w-2xl space-y-5">
      <div>
        <h1 className="text-2xl font-bold">{t("create.title")}</h1>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{t("create.description")}</p>
      </div>
      <Card>
        <TicketCreateForm accountId={typeof account === "string" ? account : undefined} />
      </Card>
    </div>
  );
}
