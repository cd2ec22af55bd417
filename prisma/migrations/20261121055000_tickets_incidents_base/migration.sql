-- The shared core of support tickets and incidents. Support (SLA clocks, health) and incidents
-- (triage, response plans) each extend these tables in their own migrations; journeys read
-- "open escalation" from them: an open P0/P1 ticket or an open incident affecting the account.

CREATE TABLE "support_tickets" (
  "id" UUID NOT NULL PRIMARY KEY,
  "account_id" UUID NOT NULL REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "subject" TEXT NOT NULL,
  "body" TEXT NOT NULL,
  "channel" TEXT NOT NULL,
  "priority" TEXT NOT NULL CHECK ("priority" IN ('P0', 'P1', 'P2', 'P3')),
  "status" TEXT NOT NULL DEFAULT 'open' CHECK ("status" IN ('open', 'waiting_on_customer', 'resolved')),
  "received_at" TIMESTAMPTZ(3) NOT NULL,
  "resolved_at" TIMESTAMPTZ(3),
  "created_by" UUID REFERENCES "users"("id") ON DELETE SET NULL,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX "support_tickets_account_id_status_idx" ON "support_tickets"("account_id", "status");
CREATE INDEX "support_tickets_received_at_idx" ON "support_tickets"("received_at" DESC);

CREATE TABLE "incidents" (
  "id" UUID NOT NULL PRIMARY KEY,
  "title" TEXT NOT NULL CHECK (char_length("title") BETWEEN 1 AND 120),
  "description" TEXT NOT NULL CHECK (char_length("description") <= 5000),
  "severity" TEXT NOT NULL CHECK ("severity" IN ('SEV1', 'SEV2', 'SEV3')),
  "status" TEXT NOT NULL DEFAULT 'open' CHECK ("status" IN ('open', 'mitigated', 'closed')),
  "opened_at" TIMESTAMPTZ(3) NOT NULL,
  "closed_at" TIMESTAMPTZ(3),
  "created_by" UUID REFERENCES "users"("id") ON DELETE SET NULL,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX "incidents_status_opened_at_idx" ON "incidents"("status", "opened_at" DESC);

CREATE TABLE "incident_accounts" (
  "incident_id" UUID NOT NULL REFERENCES "incidents"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "account_id" UUID NOT NULL REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  PRIMARY KEY ("incident_id", "account_id")
);
CREATE INDEX "incident_accounts_account_id_idx" ON "incident_accounts"("account_id");
