import { splitInvisible } from "@/lib/domain/text/invisible";

/**
 * Text exactly as stored, except that each invisible character (zero-width, soft hyphen, bidi
 * control, …) is shown as a marked code point instead of being drawn as nothing: the approver reads
 * what the recipient's mail program will receive, in its stored order.
 */
export function VisibleText({ text, markLabel }: { text: string; markLabel: (code: string) => string }) {
  return (
    <>
      {splitInvisible(text).map((s, i) =>
        s.kind === "text" ? (
          s.text
        ) : (
          <mark
            key={i}
            data-invisible={s.code}
            title={markLabel(s.code)}
            aria-label={markLabel(s.code)}
            dir="ltr"
            className="mx-0.5 rounded bg-amber-200 px-1 font-mono text-[0.7rem] text-amber-950 dark:bg-amber-800 dark:text-amber-50"
          >
            ⟨{s.code}⟩
          </mark>
        ),
      )}
    </>
  );
}
