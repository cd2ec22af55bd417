-- Token provenance (issue 10, finding 2): maker ≠ checker must see past a token. A token records the
-- user who created it (NULL when the operator CLI did: `created_by` still says "cli"), and a proposal
-- records the token it was made through and that token's creator, so the creator can never approve
-- what was proposed through their token (a personal token made for someone else, or an agent token).
ALTER TABLE "api_tokens" ADD COLUMN "created_by_user_id" UUID NULL REFERENCES "users" ("id") ON DELETE SET NULL;
ALTER TABLE "proposals" ADD COLUMN "proposer_token_id" UUID NULL;
ALTER TABLE "proposals" ADD COLUMN "proposer_token_creator_id" UUID NULL;
