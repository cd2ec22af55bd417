import { getTranslations } from "next-intl/server";
import type { TMessagePayload } from "@/lib/domain/proposals/payloads";
import { paragraphsOf } from "@/lib/domain/text/direction";
import { countInvisible } from "@/lib/domain/text/invisible";
import { VisibleText } from "./visible-text";

/**
 * Exactly what the recipient will read. Each paragraph takes the direction of its own text (the rule
 * the e-mail's HTML part uses), never the recipient's language: English to an Arabic contact reads
 * "Hello Sara," and not ",Hello Sara". Invisible characters are shown as marked code points, with a
 * warning line, so nothing hides from the approver.
 */
export async function MessagePreview({
  payload,
  labels,
}: {
  payload: TMessagePayload;
  labels: { to: string; subject: string };
}) {
  const t = await getTranslations("approvals");
  const invisible = countInvisible(payload.to.name, payload.subject, payload.body);
  const mark = (code: string) => t("invisibleMark", { code });
  const subject = paragraphsOf(payload.subject)[0]!;
  return (
    <div className="rounded-md border border-slate-200 bg-slate-50 p-3 text-sm dark:border-slate-700 dark:bg-slate-950">
      {invisible > 0 ? (
        <p
          role="note"
          className="mb-2 rounded border border-amber-300 bg-amber-50 px-2 py-1 text-xs text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-50"
        >
          {t("invisible", { count: invisible })}
        </p>
      ) : null}
      <dl className="mb-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-xs text-slate-600 dark:text-slate-400">
        <dt>{labels.to}</dt>
        <dd>
          <bdi>
            <VisibleText text={payload.to.name} markLabel={mark} />
          </bdi>{" "}
          <span dir="ltr">&lt;{payload.to.email}&gt;</span>
        </dd>
        <dt>{labels.subject}</dt>
        <dd
          dir={subject.dir}
          lang={subject.lang ?? undefined}
          className="text-start font-medium text-slate-900 dark:text-slate-100"
        >
          <VisibleText text={payload.subject} markLabel={mark} />
        </dd>
      </dl>
      <div lang={payload.locale} className="leading-relaxed">
        {paragraphsOf(payload.body).map((p, i) => (
          <p key={i} dir={p.dir} lang={p.lang ?? undefined} className="whitespace-pre-wrap text-start">
            {p.text === "" ? <br /> : <VisibleText text={p.text} markLabel={mark} />}
          </p>
        ))}
      </div>
    </div>
  );
}
