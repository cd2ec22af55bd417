import "server-only";
import { createHash } from "node:crypto";
import type { SqlClient } from "../db/sql-client";
import { renderMessage, sealPayload } from "../domain/proposals/payloads";
import type { TAreaSeeder } from "./seed-areas";

type TSql = Pick<SqlClient, "query">;

// Stable ids from the seed, so re-seeding inserts nothing twice.
const uuidOf = (seed: number, key: string) => {
  const h = createHash("sha256").update(`incidents:${seed}:${key}`).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
};
const MIN = 60_000;
const HOUR = 60 * MIN;

type TDemo = {
  key: string;
  title: string;
  description: string;
  severity: "SEV1" | "SEV2" | "SEV3";
  status: "open" | "mitigated" | "closed";
  leak: "yes" | "no" | "unsure";
  send: "yes" | "no" | "unsure";
  affected: number | null;
  reasons: string[];
  openedAgo: number;
  firstActionAfter: number | null;
  lastUpdateAgo: number | null;
  mitigatedAgo: number | null;
  closedAgo: number | null;
  accounts: number;
  steps: string[];
  froze: boolean;
};

/**
 * A handful of incidents in every state: one closed SEV1 data leak with its post-mortem (it froze
 * sending back then; the seeded console is not frozen now), an open SEV2 owing an update, an open SEV3
 * before its first action, a mitigated SEV2 with an unknown count, a closed SEV3. No open SEV1: a
 * fresh demo must not start frozen.
 */
const DEMO: TDemo[] = [
  {
    key: "sev1-leak",
    title: "Contact export visible to another workspace",
    description: "A shared export link listed contacts of two customers to a third workspace for 40 minutes.",
    severity: "SEV1",
    status: "closed",
    leak: "yes",
    send: "no",
    affected: 2,
    reasons: ["data_leak"],
    openedAgo: 20 * 24 * HOUR,
    firstActionAfter: 9 * MIN,
    lastUpdateAgo: 19 * 24 * HOUR,
    mitigatedAgo: 20 * 24 * HOUR - 2 * HOUR,
    closedAgo: 19 * 24 * HOUR,
    accounts: 2,
    steps: ["freeze_live_actions", "notify_founder_oncall", "open_channel", "review_ledger", "notify_data_protection", "postmortem_24h", "legal_review"],
    froze: true,
  },
  {
    key: "sev2-connector",
    title: "WhatsApp connector failing for several pilots",
    description: "Message previews fail with a token error since this morning's provider change.",
    severity: "SEV2",
    status: "open",
    leak: "no",
    send: "no",
    affected: 7,
    reasons: ["many_customers"],
    openedAgo: 3 * HOUR,
    firstActionAfter: 20 * MIN,
    lastUpdateAgo: 90 * MIN,
    mitigatedAgo: null,
    closedAgo: null,
    accounts: 7,
    steps: ["notify_founder_oncall", "open_channel"],
    froze: false,
  },
  {
    key: "sev3-reports",
    title: "تأخر تقارير الأداء الأسبوعية",
    description: "تقارير الأسبوع لم تصل إلى عميلين حتى الآن.",
    severity: "SEV3",
    status: "open",
    leak: "no",
    send: "no",
    affected: 2,
    reasons: ["few_customers"],
    openedAgo: 40 * MIN,
    firstActionAfter: null,
    lastUpdateAgo: null,
    mitigatedAgo: null,
    closedAgo: null,
    accounts: 2,
    steps: [],
    froze: false,
  },
  {
    key: "sev2-unknown",
    title: "Calendar sync duplicated events",
    description: "Some customers saw duplicated calendar holds; the number of affected customers is still being checked.",
    severity: "SEV2",
    status: "mitigated",
    leak: "no",
    send: "no",
    affected: null,
    reasons: ["unknown_customers"],
    openedAgo: 26 * HOUR,
    firstActionAfter: 25 * MIN,
    lastUpdateAgo: 3 * HOUR,
    mitigatedAgo: 20 * HOUR,
    closedAgo: null,
    accounts: 3,
    steps: ["notify_founder_oncall", "open_channel", "review_ledger", "hourly_updates"],
    froze: false,
  },
  {
    key: "sev3-closed",
    title: "Dashboard chart labels cut off in Arabic",
    description: "Long Arabic labels were truncated on the onboarding chart.",
    severity: "SEV3",
    status: "closed",
    leak: "no",
    send: "no",
    affected: 1,
    reasons: ["few_customers"],
    openedAgo: 6 * 24 * HOUR,
    firstActionAfter: 50 * MIN,
    lastUpdateAgo: 5 * 24 * HOUR,
    mitigatedAgo: null,
    closedAgo: 5 * 24 * HOUR,
    accounts: 1,
    steps: ["notify_founder_oncall", "open_channel", "review_ledger"],
    froze: false,
  },
];

async function seedIncidents(sql: TSql, seed: number, now: Date): Promise<number> {
  const accounts = await sql.query<{ id: string }>(`SELECT id FROM accounts ORDER BY id LIMIT 20`);
  if (accounts.length === 0) return 0;
  const [csm] = await sql.query<{ id: string; email: string }>(`SELECT id, email FROM users WHERE email = 'csm@demo.test'`);
  const at = (ago: number | null) => (ago === null ? null : new Date(now.getTime() - ago).toISOString());
  let inserted = 0;
  let offset = 0;
  for (const d of DEMO) {
    const id = uuidOf(seed, d.key);
    const opened = now.getTime() - d.openedAgo;
    const firstAction = d.firstActionAfter === null ? null : new Date(opened + d.firstActionAfter).toISOString();
    const rows = await sql.query(
      `INSERT INTO incidents (id, title, description, severity, status, opened_at, closed_at, created_by, data_leak, unauthorized_send,
         affected_count, triage_unsure, triage_reasons, triaged_at, first_action_at, last_update_at, mitigated_at, froze_system)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, FALSE, $12, $6, $13, $14, $15, $16)
       ON CONFLICT (id) DO NOTHING RETURNING id`,
      [id, d.title, d.description, d.severity, d.status, new Date(opened).toISOString(), at(d.closedAgo), csm?.id ?? null, d.leak, d.send,
        d.affected, JSON.stringify(d.reasons), firstAction, at(d.lastUpdateAgo) ?? firstAction, at(d.mitigatedAgo), d.froze],
    );
    if (rows.length === 0) continue;
    inserted++;
    const ids = Array.from({ length: d.accounts }, (_, i) => accounts[(offset + i) % accounts.length]!.id);
    offset += d.accounts;
    await sql.query(
      `INSERT INTO incident_accounts (incident_id, account_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`,
      [id, [...new Set(ids)]],
    );
    if (d.steps.length > 0)
      await sql.query(
        `INSERT INTO incident_plan_steps (incident_id, step, done_at, done_by) SELECT $1, unnest($2::text[]), $3, 'csm@demo.test' ON CONFLICT DO NOTHING`,
        [id, d.steps, firstAction ?? new Date(opened).toISOString()],
      );
    const log: [string, string, string | null][] = [];
    if (d.froze) log.push(["freeze", "Live actions frozen automatically (SEV1).", new Date(opened).toISOString()]);
    if (firstAction) log.push(["first_action", "Investigating; affected customers identified.", firstAction]);
    if (d.lastUpdateAgo !== null && at(d.lastUpdateAgo) !== firstAction) log.push(["update", "Fix in progress; next update on schedule.", at(d.lastUpdateAgo)]);
    if (d.mitigatedAgo !== null) log.push(["status", "open → mitigated", at(d.mitigatedAgo)]);
    if (d.closedAgo !== null) log.push(["status", "→ closed", at(d.closedAgo)]);
    for (const [i, [kind, body, when]] of log.entries())
      await sql.query(
        `INSERT INTO incident_updates (id, incident_id, kind, body, author_id, author_label, at) VALUES ($1, $2, $3, $4, $5, 'csm@demo.test', $6)
         ON CONFLICT (id) DO NOTHING`,
        [uuidOf(seed, `${d.key}:log:${i}`), id, kind, body, csm?.id ?? null, when],
      );
    if (d.key === "sev1-leak")
      await sql.query(
        `INSERT INTO incident_postmortems (incident_id, summary, timeline, root_cause, impact, went_well, to_improve, action_items, updated_by, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'founder@demo.test', $9) ON CONFLICT DO NOTHING`,
        [
          id,
          "A shared export link exposed two customers' contact lists to another workspace for 40 minutes.",
          "09:02 link created · 09:38 reported by a customer · 09:47 sending frozen, link revoked · 11:00 authority notified",
          "Export links were scoped to the organisation id from the URL instead of the session.",
          "2 customers, 31 contacts; no messages were sent.",
          "The freeze and the ledger made the affected window clear within minutes.",
          "Scope checks on every export; an alert on cross-workspace reads.",
          JSON.stringify([
            { action: "Scope export links to the session's workspace", owner: "Omar", due: "2026-11-10" },
            { action: "Alert on cross-workspace reads", owner: "Maya" },
          ]),
          at(d.closedAgo),
        ],
      );
  }
  return inserted;
}

/** One pending draft that the outbound copy guard flags, so the approvals inbox shows a violation. */
async function seedViolatingDraft(sql: TSql, seed: number, now: Date): Promise<number> {
  const [target] = await sql.query<{ account_id: string; locale: string; name: string; email: string }>(
    `SELECT a.id AS account_id, a.preferred_locale AS locale, c.name, c.email
     FROM accounts a JOIN account_contacts c ON c.account_id = a.id
     WHERE a.preferred_locale = 'ar' ORDER BY a.id, c.created_at, c.id LIMIT 1`,
  );
  const [csm] = await sql.query<{ id: string; email: string }>(`SELECT id, email FROM users WHERE email = 'csm@demo.test'`);
  if (!target || !csm) return 0;
  const payload = renderMessage(
    {
      subject: "خطة الأسبوع القادم",
      body: "أهلا، نضمن لكم مضاعفة المبيعات خلال أسبوع، والخدمة مؤتمتة بالكامل فلا حاجة لأي مراجعة.",
    },
    { name: target.name, email: target.email },
    "ar",
  );
  const sealed = sealPayload(payload);
  const rows = await sql.query(
    `INSERT INTO proposals (id, kind, account_id, payload, payload_hash, state, proposer_type, proposer_id, proposer_label, reason, created_at, expires_at)
     VALUES ($1, 'message', $2, $3, $4, 'pending', 'user', $5, $6, $7, $8, $9) ON CONFLICT (id) DO NOTHING RETURNING id`,
    [
      uuidOf(seed, "violating-draft"),
      target.account_id,
      sealed.text,
      sealed.hash,
      csm.id,
      csm.email,
      "weekly check-in",
      new Date(now.getTime() - 2 * HOUR).toISOString(),
      new Date(now.getTime() + 7 * 24 * HOUR - 2 * HOUR).toISOString(),
    ],
  );
  return rows.length;
}

export const INCIDENTS_SEEDER: TAreaSeeder = {
  area: "incidents",
  seed: async (sql, { seed, now }) => (await seedIncidents(sql, seed, now)) + (await seedViolatingDraft(sql, seed, now)),
};
