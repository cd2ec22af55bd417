import "server-only";
import { prisma } from "../db";
import { PAGE_SIZE, signupWindow, type TAccountFilters } from "../domain/accounts/filters";
import type { TTier } from "../domain/accounts/tiers";
import { normalizeForSearch } from "../domain/accounts/search";
import type { TAccountDetail, TAccountEvent, TAccountListItem, TAccountOption } from "../domain/accounts/types";
import type { Prisma } from "../generated/prisma/client";
import type { Tx } from "./tx";

const LIST_SELECT = {
  id: true,
  name: true,
  tier: true,
  region: true,
  signupAt: true,
  contractEnd: true,
  lastActivityAt: true,
  csm: { select: { name: true } },
} as const;

type TListRow = Prisma.AccountGetPayload<{ select: typeof LIST_SELECT }>;

const toListItem = ({ csm, tier, ...row }: TListRow): TAccountListItem => ({
  ...row,
  tier: tier as TTier,
  csmName: csm?.name ?? null,
});

const ORDER: Record<TAccountFilters["sort"], Prisma.AccountOrderByWithRelationInput[]> = {
  signup_desc: [{ signupAt: "desc" }, { id: "asc" }],
  signup_asc: [{ signupAt: "asc" }, { id: "asc" }],
  name_asc: [{ name: "asc" }, { id: "asc" }],
  contract_end_asc: [{ contractEnd: { sort: "asc", nulls: "last" } }, { id: "asc" }],
  activity_desc: [{ lastActivityAt: { sort: "desc", nulls: "last" } }, { id: "asc" }],
};

export function accountWhere(f: TAccountFilters, now: Date): Prisma.AccountWhereInput {
  const q = f.q ? normalizeForSearch(f.q) : "";
  const window = signupWindow(f.age, now);
  return {
    // Prisma's `contains` passes % and _ through as LIKE wildcards: escape them so they match as text.
    ...(q ? { searchName: { contains: q.replace(/[\\%_]/g, (c) => `\\${c}`) } } : {}),
    ...(f.tier ? { tier: f.tier } : {}),
    ...(f.csm ? { csmId: f.csm === "none" ? null : f.csm } : {}),
    ...(f.region ? { region: f.region } : {}),
    ...(window.gte || window.lt ? { signupAt: window } : {}),
  };
}

/** One page of accounts and the total for the same filters, read in one snapshot. */
export async function listAccounts(f: TAccountFilters, now: Date) {
  const where = accountWhere(f, now);
  const [rows, total] = await prisma().$transaction([
    prisma().account.findMany({
      where,
      select: LIST_SELECT,
      orderBy: ORDER[f.sort],
      skip: (f.page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
    }),
    prisma().account.count({ where }),
  ]);
  return { rows: rows.map(toListItem), total, pageSize: PAGE_SIZE };
}

/**
 * Distinct regions for the filter. Prisma's `distinct` reads every row and de-duplicates in JS
 * (≈ 230 ms at 100 000 accounts); this loose index scan probes the region index once per value.
 */
export async function listRegions(): Promise<string[]> {
  const rows = await prisma().$queryRaw<{ region: string }[]>`
    WITH RECURSIVE r AS (
      (SELECT "region" FROM "accounts" ORDER BY "region" LIMIT 1)
      UNION ALL
      SELECT (SELECT a."region" FROM "accounts" a WHERE a."region" > r."region" ORDER BY a."region" LIMIT 1)
        FROM r WHERE r."region" IS NOT NULL)
    SELECT "region" FROM r WHERE "region" IS NOT NULL`;
  return rows.map((r) => r.region);
}

const TIMELINE_LIMIT = 200;

export async function getAccount(id: string): Promise<(TAccountDetail & { events: TAccountEvent[]; eventCount: number }) | null> {
  const row = await prisma().account.findUnique({
    where: { id },
    select: {
      ...LIST_SELECT,
      preferredLocale: true,
      csmId: true,
      contractStart: true,
      welcomed: true,
      screenPaired: true,
      contentUploaded: true,
      playlistCreated: true,
      scheduleCreated: true,
      onboardingCompletedAt: true,
      nudgeDay1SentAt: true,
      nudgeDay3SentAt: true,
      nudgeDay7SentAt: true,
      contacts: { select: { id: true, name: true, email: true, role: true }, orderBy: { createdAt: "asc" } },
      events: {
        select: { id: true, type: true, occurredAt: true, actor: true, summary: true, data: true },
        orderBy: [{ occurredAt: "desc" }, { id: "asc" }],
        take: TIMELINE_LIMIT,
      },
      _count: { select: { events: true } },
    },
  });
  if (!row) return null;
  return {
    ...toListItem(row),
    preferredLocale: row.preferredLocale === "ar" ? "ar" : "en",
    csmId: row.csmId,
    contractStart: row.contractStart,
    milestones: {
      welcomed: row.welcomed,
      screen_paired: row.screenPaired,
      content_uploaded: row.contentUploaded,
      playlist_created: row.playlistCreated,
      schedule_created: row.scheduleCreated,
    },
    onboardingCompletedAt: row.onboardingCompletedAt,
    nudgesSentAt: { day1: row.nudgeDay1SentAt, day3: row.nudgeDay3SentAt, day7: row.nudgeDay7SentAt },
    contacts: row.contacts,
    events: row.events,
    eventCount: row._count.events,
  };
}

/** The account's name and CSM, read in the caller's transaction; null when there is no such account. */
export function findAccountRef(tx: Tx, id: string): Promise<{ id: string; name: string; csmId: string | null } | null> {
  return tx.account.findUnique({ where: { id }, select: { id: true, name: true, csmId: true } });
}

/** Locks the account row for this transaction (changes to one account queue here); false when it does not exist. */
export async function lockAccount(tx: Tx, id: string): Promise<boolean> {
  const rows = await tx.$queryRaw<unknown[]>`SELECT 1 FROM accounts WHERE id = ${id}::uuid FOR UPDATE`;
  return rows.length > 0;
}

// A picker shows a handful; the person types more letters rather than scrolling.
export const ACCOUNT_OPTIONS_LIMIT = 8;

/**
 * Accounts whose name contains `q` (Arabic letter variants folded, lib/domain/accounts/search), names
 * that start with it first, then by name: the account picker of the ticket form. Empty `q` → none.
 */
export async function searchAccountOptions(q: string, limit = ACCOUNT_OPTIONS_LIMIT): Promise<TAccountOption[]> {
  const needle = normalizeForSearch(q).replace(/[\\%_]/g, (c) => `\\${c}`);
  if (!needle) return [];
  const rows = await prisma().$queryRaw<{ id: string; name: string; region: string; csm_name: string | null }[]>`
    SELECT a.id::text, a.name, a.region, u.name AS csm_name
      FROM accounts a LEFT JOIN users u ON u.id = a.csm_id
     WHERE a.search_name LIKE '%' || ${needle} || '%'
     ORDER BY (a.search_name LIKE ${needle} || '%') DESC, a.name, a.id
     LIMIT ${limit}`;
  return rows.map((r) => ({ id: r.id, name: r.name, region: r.region, csmName: r.csm_name }));
}

/** One account's option (a form opened with `?account=<id>` shows it as picked), or null. */
export async function accountOption(id: string): Promise<TAccountOption | null> {
  const r = await prisma().account.findUnique({
    where: { id },
    select: { id: true, name: true, region: true, csm: { select: { name: true } } },
  });
  return r ? { id: r.id, name: r.name, region: r.region, csmName: r.csm?.name ?? null } : null;
}
