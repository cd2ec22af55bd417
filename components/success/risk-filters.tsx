import { getTranslations } from "next-intl/server";
import { AnySelect, FilterBar, csmOptions } from "@/components/ui/filter-bar";
import { TIERS } from "@/lib/domain/accounts/filters";
import type { TRiskFilters } from "@/lib/domain/risk/filters";
import { SEVERITIES } from "@/lib/domain/risk/score";

export async function RiskFilters({ filters, csms }: { filters: TRiskFilters; csms: { id: string; name: string }[] }) {
  const [t, tSev, tTiers] = await Promise.all([
    getTranslations("risk.filters"),
    getTranslations("risk.severities"),
    getTranslations("tiers"),
  ]);
  return (
    <FilterBar action="/at-risk" className="grid-cols-1 sm:grid-cols-2 lg:grid-cols-4">
      <AnySelect
        id="severity"
        label={t("severity")}
        value={filters.severity}
        options={SEVERITIES.map((s) => ({ value: s, label: tSev(s) }))}
      />
      <AnySelect id="csm" label={t("csm")} value={filters.csm} options={csmOptions(csms, t("unassigned"))} />
      <AnySelect
        id="tier"
        label={t("tier")}
        value={filters.tier}
        options={TIERS.map((tier) => ({ value: tier, label: tTiers(tier) }))}
      />
    </FilterBar>
  );
}
