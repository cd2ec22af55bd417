import { getTranslations } from "next-intl/server";
import type { TNotice } from "@/lib/domain/notices/types";

/**
 * A notice in the reader's language: `notices.codes.<code>` filled with its parameters. Words a
 * person wrote (a title) are isolated so they cannot reorder the sentence around them.
 */
export async function NoticeText({ notice }: { notice: TNotice }) {
  const t = await getTranslations("notices.codes");
  const p = notice.params;
  return (
    <>
      {t.rich(notice.code, {
        severity: String(p.severity ?? ""),
        priority: String(p.priority ?? ""),
        title: String(p.title ?? ""),
        bdi: (c) => <bdi className="font-medium">{c}</bdi>,
      })}
    </>
  );
}
