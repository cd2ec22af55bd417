-- A leak ticket becomes an incident (issue 12, item 2). A ticket belongs to at most one incident, an
-- incident may gather several tickets: a nullable column on the ticket holds the link both ways. The
-- create mutation sets it only while it is still NULL, so of two concurrent "open an incident" clicks
-- one links and the other is refused (its incident rolls back with it).
ALTER TABLE "support_tickets" ADD COLUMN "incident_id" UUID REFERENCES "incidents" ("id") ON DELETE SET NULL;
CREATE INDEX "support_tickets_incident_id_idx" ON "support_tickets" ("incident_id") WHERE "incident_id" IS NOT NULL;

-- In-app notices for a person (the founders when a ticket opens an incident). The text is a message
-- code plus parameters, rendered in the reader's language; read_at marks it read for that person.
CREATE TABLE "notices" (
  "id" UUID NOT NULL,
  "user_id" UUID NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE,
  "code" TEXT NOT NULL,
  "params" JSONB NOT NULL DEFAULT '{}',
  "href" TEXT,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "read_at" TIMESTAMPTZ(3),
  CONSTRAINT "notices_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "notices_user_created_idx" ON "notices" ("user_id", "created_at" DESC);
CREATE INDEX "notices_unread_idx" ON "notices" ("user_id") WHERE "read_at" IS NULL;
