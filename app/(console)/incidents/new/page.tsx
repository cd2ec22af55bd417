import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { redirect } from "next/navigation";
import { CreateIncidentForm } from "@/components/incidents/create-incident-form";
import { Card } from "@/components/ui/card";
import { requirePage } from "@/lib/auth/session";
import { incidentOfTicket } from "@/lib/data/incident-tickets";
import { getTicket } from "@/lib/data/support";
import { incidentDraftFromTicket } from "@/lib/domain/incidents/from-ticket";
import { leakKind } from "@/lib/domain/support/leak";

export async function generateMetadata() {
  return { title: (await getTranslations("incidents"))("new") };
}

type Search = Promise<Record<string, string | string[] | undefined>>;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `?ticket=<id>`: opened from a ticket, pre-filled from it; a ticket that has its incident leads there. */
export default async function NewIncidentPage({ searchParams }: { searchParams: Search }) {
  await requirePage("incidents:write", "/incidents/new");
  const ticketId = (await searchParams).ticket;
  const found = typeof ticketId === "string" && UUID.test(ticketId) ? await getTicket(ticketId) : null;
  if (found) {
    const existing = await incidentOfTicket(found.ticket.id);
    if (existing) redirect(`/incidents/${existing.id}`);
  }
  const t = await getTranslations("incidents");
  const ticket = found?.ticket;
  return (
    <div className="max-w-3xl space-y-5">
      <Link
        href={ticket ? `/support/${ticket.id}` : "/incidents"}
        className="text-sm text-brand-700 hover:underline dark:text-brand-100"
      >
        {ticket ? t("backToTicket") : t("back")}
      </Link>
      <div>
        <h1 className="text-2xl font-bold">{t("new")}</h1>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{t("form.intro")}</p>
      </div>
      <Card>
        {ticket ? (
          <CreateIncidentForm
            draft={incidentDraftFromTicket(ticket, leakKind(ticket))}
            ticket={{ id: ticket.id, subject: ticket.subject, accountName: ticket.accountName }}
          />
        ) : (
          <CreateIncidentForm />
        )}
      </Card>
    </div>
  );
}
