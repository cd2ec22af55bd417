import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { Field, Select } from "@/components/ui/field";
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
    <form method="get" action="/at-risk" className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4 lg:items-end">
      <Field id="severity" label={t("severity")}>
        <Select id="severity" name="severity" defaultValue={filters.severity ?? ""}>
          <option value="">{t("anySeverity")}</option>
          {SEVERITIES.map((s) => (
            <option key={s} value={s}>
              {tSev(s)}
            </option>
          ))}
        </Select>
      </Field>
      <Field id="csm" label={t("csm")}>
        <Select id="csm" name="csm" defaultValue={filters.csm ?? ""}>
          <option value="">{t("anyCsm")}</option>
          <option value="none">{t("unassigned")}</option>
          {csms.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field id="tier" label={t("tier")}>
        <Select id="tier" name="tier" defaultValue={filters.tier ?? ""}>
          <option value="">{t("anyTier")}</option>
          {TIERS.map((tier) => (
            <option key={tier} value={tier}>
              {tTiers(tier)}
            </option>
          ))}
        </Select>
      </Field>
      <div className="flex gap-2">
        <button type="submit" className={buttonClass("primary")}>
          {t("apply")}
        </button>
        <Link href="/at-risk" className={buttonClass("secondary")}>
          {t("reset")}
        </Link>
      </div>
    </form>
  );
}
