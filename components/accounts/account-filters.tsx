import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { SIGNUP_AGES, SORTS, TIERS, type TAccountFilters } from "@/lib/domain/accounts/filters";

type Props = { filters: TAccountFilters; csms: { id: string; name: string }[]; regions: string[] };

/** A plain GET form: filters live in the URL, work without JavaScript, and a view can be shared. */
export async function AccountFilters({ filters, csms, regions }: Props) {
  const [t, tTiers, tRegions] = await Promise.all([
    getTranslations("accounts"),
    getTranslations("tiers"),
    getTranslations("regions"),
  ]);
  const regionLabel = (r: string) => (tRegions.has(r) ? tRegions(r) : r);
  return (
    <form
      method="get"
      action="/accounts"
      role="search"
      className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-7 lg:items-end"
    >
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
      <Field id="tier" label={t("tier")}>
        <Select id="tier" name="tier" defaultValue={filters.tier ?? ""}>
          <option value="">{t("any")}</option>
          {TIERS.map((tier) => (
            <option key={tier} value={tier}>
              {tTiers(tier)}
            </option>
          ))}
        </Select>
      </Field>
      <Field id="csm" label={t("csm")}>
        <Select id="csm" name="csm" defaultValue={filters.csm ?? ""}>
          <option value="">{t("any")}</option>
          <option value="none">{t("unassigned")}</option>
          {csms.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field id="region" label={t("region")}>
        <Select id="region" name="region" defaultValue={filters.region ?? ""}>
          <option value="">{t("any")}</option>
          {regions.map((r) => (
            <option key={r} value={r}>
              {regionLabel(r)}
            </option>
          ))}
        </Select>
      </Field>
      <Field id="age" label={t("signupAge")}>
        <Select id="age" name="age" defaultValue={filters.age ?? ""}>
          <option value="">{t("any")}</option>
          {SIGNUP_AGES.map((a) => (
            <option key={a} value={a}>
              {t(`ages.${a}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field id="sort" label={t("sort")}>
        <Select id="sort" name="sort" defaultValue={filters.sort}>
          {SORTS.map((s) => (
            <option key={s} value={s}>
              {t(`sortOptions.${s}`)}
            </option>
          ))}
        </Select>
      </Field>
      <div className="flex gap-2 sm:col-span-2 lg:col-span-7">
        <button type="submit" className={buttonClass("primary")}>
          {t("apply")}
        </button>
        <Link href="/accounts" className={buttonClass("secondary")}>
          {t("reset")}
        </Link>
      </div>
    </form>
  );
}
