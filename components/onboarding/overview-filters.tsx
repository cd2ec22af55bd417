import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import type { TOverviewFilters } from "@/lib/domain/checklist/filters";
import { STUCK_MAX_DAYS } from "@/lib/domain/checklist/progress";
import { STEPS } from "@/lib/domain/checklist/steps";

/** A plain GET form: the filters live in the URL and a view can be shared. */
export async function OverviewFilters({
  filters,
  csms,
}: {
  filters: TOverviewFilters;
  csms: { id: string; name: string }[];
}) {
  const t = await getTranslations("checklist");
  return (
    <form
      method="get"
      action="/onboarding"
      role="search"
      className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-5 lg:items-end"
    >
      <Field id="step" label={t("overview.step")}>
        <Select id="step" name="step" defaultValue={filters.step ?? ""}>
          <option value="">{t("overview.any")}</option>
          {STEPS.map((s) => (
            <option key={s.id} value={s.id}>
              {t(`steps.${s.id}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field id="csm" label={t("overview.csm")}>
        <Select id="csm" name="csm" defaultValue={filters.csm ?? ""}>
          <option value="">{t("overview.any")}</option>
          <option value="none">{t("overview.unassigned")}</option>
          {csms.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field id="days" label={t("overview.days")}>
        <Input
          id="days"
          name="days"
          type="number"
          inputMode="numeric"
          min={0}
          max={STUCK_MAX_DAYS}
          defaultValue={filters.days}
        />
      </Field>
      <div className="flex gap-2">
        <Button type="submit">{t("overview.apply")}</Button>
        <Link
          href="/onboarding"
          className="inline-flex items-center px-2 text-sm text-brand-700 hover:underline dark:text-brand-100"
        >
          {t("overview.reset")}
        </Link>
      </div>
    </form>
  );
}
