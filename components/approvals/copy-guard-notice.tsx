import { getTranslations } from "next-intl/server";
import type { TCopyFinding } from "@/lib/domain/copy-guard/guard";

/** What the outbound copy guard found: each phrase as written, its category and field. */
export async function CopyGuardNotice({ findings }: { findings: TCopyFinding[] }) {
  if (findings.length === 0) return null;
  const t = await getTranslations("copyGuard");
  return (
    <div
      role="note"
      aria-label={t("title")}
      className="space-y-1 rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100"
    >
      <p className="font-semibold">{t("title")}</p>
      <p>{t("explain")}</p>
      <ul className="list-disc space-y-0.5 ps-5">
        {findings.map((f, i) => (
          <li key={i}>
            {t("finding", { category: t(`categories.${f.category}`), field: t(`fields.${f.field}`) })}{" "}
            <q className="font-medium">
              <bdi>{f.phrase}</bdi>
            </q>
          </li>
        ))}
      </ul>
    </div>
  );
}
