"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { saveCopyGuardListsAction } from "@/app/(console)/settings/copy-guard/actions";
import { CopyGuardLive } from "@/components/approvals/copy-guard-live";
import { FormStatus } from "@/components/settings/form-status";
import { useActionForm } from "@/components/ui/use-action-form";
import { Button } from "@/components/ui/button";
import { Field, controlClass } from "@/components/ui/field";
import { COPY_CATEGORIES } from "@/lib/domain/copy-guard/categories";
import type { TGuardLists } from "@/lib/domain/copy-guard/default-lists";

type TText = Record<string, string>;

// A textarea's phrases as the server receives them (trimmed, no empty lines, each once), with the
// textarea line each came from, so an error on phrase 3 names the line the founder sees.
function phrasesOf(text: string): { phrases: string[]; lines: number[] } {
  const phrases: string[] = [];
  const lines: number[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const p = raw.trim();
    if (p && !phrases.includes(p)) {
      phrases.push(p);
      lines.push(i + 1);
    }
  });
  return { phrases, lines };
}

const textOf = (lists: TGuardLists): TText => ({
  ...Object.fromEntries(
    COPY_CATEGORIES.flatMap((c) => [
      [`${c}.block`, lists.categories[c].block.join("\n")],
      [`${c}.allow`, lists.categories[c].allow.join("\n")],
    ]),
  ),
  competitors: lists.competitors.join("\n"),
});

const listsOf = (text: TText): TGuardLists => ({
  categories: Object.fromEntries(
    COPY_CATEGORIES.map((c) => [
      c,
      { block: phrasesOf(text[`${c}.block`] ?? "").phrases, allow: phrasesOf(text[`${c}.allow`] ?? "").phrases },
    ]),
  ) as TGuardLists["categories"],
  competitors: phrasesOf(text.competitors ?? "").phrases,
});

/** The guard's phrase lists, one textarea per list, and a box that tests a sentence against them as edited. */
export function CopyGuardForm({ lists }: { lists: TGuardLists }) {
  const t = useTranslations("copyGuard");
  const form = useActionForm(saveCopyGuardListsAction);
  const [text, setText] = useState<TText>(() => textOf(lists));
  const [sentence, setSentence] = useState("");
  const edited = listsOf(text);
  // "lists.categories.scraping.block.3" → the error, naming the textarea line of phrase 3.
  const errorFor = (name: string) => {
    const path = `lists.${name.includes(".") ? `categories.${name}` : name}`;
    const hit = Object.entries(form.fields).find(([k]) => k === path || k.startsWith(`${path}.`));
    if (!hit) return undefined;
    const index = Number(hit[0].slice(path.length + 1));
    const line = phrasesOf(text[name] ?? "").lines[index];
    return Number.isInteger(index) && line ? t("settings.lineError", { error: hit[1], line }) : hit[1];
  };
  const area = (name: string, label: string, hint?: string) => (
    <Field id={`cg-${name}`} label={label} hint={hint} error={errorFor(name)}>
      <textarea
        id={`cg-${name}`}
        dir="auto"
        rows={6}
        value={text[name] ?? ""}
        onChange={(e) => setText({ ...text, [name]: e.target.value })}
        className={controlClass}
      />
    </Field>
  );
  return (
    <div className="space-y-8">
      <section aria-labelledby="cg-test" className="space-y-2 rounded-md bg-slate-50 p-4 dark:bg-slate-950">
        <h2 id="cg-test" className="text-lg font-semibold">
          {t("settings.test")}
        </h2>
        <Field id="cg-sentence" label={t("settings.testLabel")} hint={t("settings.testHint")}>
          <textarea
            id="cg-sentence"
            dir="auto"
            rows={3}
            maxLength={20_000}
            value={sentence}
            onChange={(e) => setSentence(e.target.value)}
            className={controlClass}
          />
        </Field>
        <CopyGuardLive fields={{ sentence }} lists={edited} showClean />
      </section>
      <form
        noValidate
        className="space-y-6"
        onSubmit={(e) => {
          e.preventDefault();
          form.submit({ lists: edited });
        }}
      >
        <p className="max-w-3xl text-sm text-slate-600 dark:text-slate-400">
          {t.rich("settings.syntax", { bdi: (c) => <bdi>{c}</bdi> })}
        </p>
        {COPY_CATEGORIES.map((c) => (
          <fieldset key={c} className="space-y-2">
            <legend className="text-lg font-semibold">{t(`categories.${c}`)}</legend>
            <div className="grid gap-4 lg:grid-cols-2">
              {area(`${c}.block`, `${t(`categories.${c}`)}: ${t("settings.block")}`)}
              {area(`${c}.allow`, `${t(`categories.${c}`)}: ${t("settings.allow")}`, t("settings.allowHint"))}
            </div>
          </fieldset>
        ))}
        {area("competitors", t("settings.competitors"), t("settings.competitorsHint"))}
        <FormStatus error={form.error} ok={form.ok ? t("settings.saved") : null} />
        <Button type="submit" disabled={form.pending}>
          {t("settings.save")}
        </Button>
      </form>
    </div>
  );
}
