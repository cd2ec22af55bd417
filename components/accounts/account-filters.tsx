import { getTranslations } from "next-intl/server";
import { Field, Input, Select } from "@/components/ui/field";
import { AnySelect, FilterBar, csmOptions } from "@/components/ui/filter-bar";
import { SIGNUP_AGES, SORTS, TIERS, type TAccountFilters } from "@/lib/domain/accounts/filters";

type Props = { filters: TAccountFilters; csms: { id: string; name: string }[]; regions: string[] };

export async function AccountFilters({ filters, csms, regions }: Props) {
  const [t, tTiers, tRegions] = await Promise.all([
    getTranslations("accounts"),
    getTranslations("tiers"),
    getTranslations("regions"),
  ]);
  const regionLabel = (r: string) => (tRegions.has(r) ? tRegions(r) : r);
  return (
    <FilterBar action="/accounts" className="grid-cols-1 sm:grid-cols-2 lg:grid-cols-7">
      <div className="lg:col-span-2">
        <Field id="q" label={t("search")}>
          <Input
            id="q"
            name="q"
            type="search"
            dir="auto"
            defaultValue={filters.q ?? ""}
            placeholder={t("searchPlaceholder")}
            maxLength={100}
          />
        </Field>
      </div>
      <AnySelect
        id="tier"
        label={t("tier")}
        value={filters.tier}
        options={TIERS.map((tier) => ({ value: tier, label: tTiers(tier) }))}
      />
      <AnySelect id="csm" label={t("csm")} value={filters.csm} options={csmOptions(csms, t("unassigned"))} />
      <AnySelect
        id="region"
        label={t("region")}
        value={filters.region}
        options={regions.map((r) => ({ value: r, label: regionLabel(r) }))}
      />
      <AnySelect
        id="age"
        label={t("signupAge")}
        value={filters.age}
        options={SIGNUP_AGES.map((a) => ({ value: a, label: t(`ages.${a}`) }))}
      />
      <Field id="sort" label={t("sort")}>
        <Select id="sort" name="sort" defaultValue={filters.sort}>
          {SORTS.map((s) => (
            <option key={s} value={s}>
              {t(`sortOptions.${s}`)}
            </option>
          ))}
        </Select>
      </Field>
    </FilterBar>
  );
}
