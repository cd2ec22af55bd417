import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { CreateIncidentForm } from "@/components/incidents/create-incident-form";
import { Card } from "@/components/ui/card";
import { requirePage } from "@/lib/auth/session";

export async function generateMetadata() {
  return { title: (await getTranslations("incidents"))("new") };
}

export default async function NewIncidentPage() {
  await requirePage("incidents:write", "/incidents/new");
  const t = await getTranslations("incidents");
  return (
    <div className="max-w-3xl space-y-5">
      <Link href="/incidents" className="text-sm text-brand-700 hover:underline dark:text-brand-100">
        {t("back")}
      </Link>
      <div>
        <h1 className="text-2xl font-bold">{t("new")}</h1>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{t("form.intro")}</p>
      </div>
      <Card>
        <CreateIncidentForm />
      </Card>
    </div>
  );
}
