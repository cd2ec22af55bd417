import { getTranslations } from "next-intl/server";
import { Field, Input } from "@/components/ui/field";
import { AnySelect, FilterBar, csmOptions } from "@/components/ui/filter-bar";
import type { TOverviewFilters } from "@/lib/domain/checklist/filters";
import { STUCK_MAX_DAYS } from "@/lib/domain/checklist/progress";
import { STEPS } from "@/lib/domain/checklist/steps";

export async function OverviewFilters({
  filters,
  csms,
}: {
  filters: TOverviewFilters;
  csms: { id: string; name: string }[];
}) {
  const t = await getTranslations("checklist");
  return (
    <FilterBar action="/onboarding" className="grid-cols-1 sm:grid-cols-2 lg:grid-cols-4">
      <AnySelect
        id="step"
        label={t("overview.step")}
        value={filters.step}
        options={STEPS.map((s) => ({ value: s.id, label: t(`steps.${s.id}`) }))}
      />
      <AnySelect
        id="csm"
        label={t("overview.csm")}
        value={filters.csm}
        options={csmOptions(csms, t("overview.unassigned"))}
      />
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
    </FilterBar>
  );
}
