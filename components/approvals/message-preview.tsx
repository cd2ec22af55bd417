import type { TMessagePayload } from "@/lib/domain/proposals/payloads";

/** Exactly what the recipient will read, laid out in the recipient's language and direction. */
export function MessagePreview({
  payload,
  labels,
}: {
  payload: TMessagePayload;
  labels: { to: string; subject: string };
}) {
  return (
    <div className="rounded-md border border-slate-200 bg-slate-50 p-3 text-sm dark:border-slate-700 dark:bg-slate-950">
      <dl className="mb-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-xs text-slate-600 dark:text-slate-400">
        <dt>{labels.to}</dt>
        <dd>
          <bdi>{payload.to.name}</bdi> <span dir="ltr">&lt;{payload.to.email}&gt;</span>
        </dd>
        <dt>{labels.subject}</dt>
        <dd
          lang={payload.locale}
          dir={payload.dir}
          className="text-start font-medium text-slate-900 dark:text-slate-100"
        >
          {payload.subject}
        </dd>
      </dl>
      <div lang={payload.locale} dir={payload.dir} className="whitespace-pre-wrap text-start leading-relaxed">
        {payload.body}
      </div>
    </div>
  );
}
