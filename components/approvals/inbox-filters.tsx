import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { Field, Select } from "@/components/ui/field";
import { AGE_HOURS, type TInboxFilters } from "@/lib/domain/proposals/filters";
import { PROPOSAL_KINDS } from "@/lib/domain/proposals/payloads";
import { PROPOSAL_STATES } from "@/lib/domain/proposals/state-machine";

export async function InboxFilters({ filters }: { filters: TInboxFilters }) {
  const t = await getTranslations("approvals");
  return (
    <form
      method="get"
      action="/approvals"
      className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-5 lg:items-end"
    >
      {filters.account ? <input type="hidden" name="account" value={filters.account} /> : null}
      <Field id="state" label={t("filterState")}>
        <Select id="state" name="state" defaultValue={filters.state}>
          <option value="all">{t("any")}</option>
          {PROPOSAL_STATES.map((s) => (
            <option key={s} value={s}>
              {t(`states.${s}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field id="kind" label={t("filterKind")}>
        <Select id="kind" name="kind" defaultValue={filters.kind ?? ""}>
          <option value="">{t("any")}</option>
          {PROPOSAL_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`kinds.${k}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field id="proposer" label={t("filterProposer")}>
        <Select id="proposer" name="proposer" defaultValue={filters.proposer ?? ""}>
          <option value="">{t("any")}</option>
          <option value="me">{t("proposerMe")}</option>
          <option value="others">{t("proposerOthers")}</option>
        </Select>
      </Field>
      <Field id="age" label={t("filterAge")}>
        <Select id="age" name="age" defaultValue={filters.age ?? ""}>
          <option value="">{t("any")}</option>
          {AGE_HOURS.map((h) => (
            <option key={h} value={h}>
              {t(`ages.${h}`)}
            </option>
          ))}
        </Select>
      </Field>
      <div className="flex gap-2">
        <button type="submit" className={buttonClass("primary")}>
          {t("apply")}
        </button>
        <Link href="/approvals" className={buttonClass("secondary")}>
          {t("reset")}
        </Link>
      </div>
    </form>
  );
}
