-- Token provenance (issue 10, finding 2): maker ≠ checker must see past a token. A token records the
-- user who created it (NULL when the operator CLI did: `created_by` still says "cli"), and a proposal
-- records the token it was made through and that token's creator, so the creator can never approve
-- what was proposed through their token (a personal token made for someone else, or an agent token).
ALTER TABLE "api_tokens" ADD COLUMN "created_by_user_id" UUID NULL REFERENCES "users" ("id") ON DELETE SET NULL;
ALTER TABLE "proposals" ADD COLUMN "proposer_token_id" UUID NULL;
ALTER TABLE "proposals" ADD COLUMN "proposer_token_creator_id" UUID NULL;

-- Backfill what can be known. Tokens made in Settings stored their creator's e-mail in `created_by`
-- (the CLI wrote "cli", which matches no user). Proposals made through an agent token name it in
-- `proposer_id` (`token:<id>`); those made through a personal token cannot be told apart from the
-- user's own and stay without a token.
UPDATE "api_tokens" t SET "created_by_user_id" = u."id"
  FROM "users" u WHERE lower(u."email") = lower(t."created_by");
UPDATE "proposals" p SET "proposer_token_id" = t."id", "proposer_token_creator_id" = t."created_by_user_id"
  FROM "api_tokens" t WHERE p."proposer_type" = 'token' AND p."proposer_id" = 'token:' || t."id"::text;
