-- The outbound copy guard's phrase lists as founders edit them (Settings → Copy guard). One row; while it
-- is missing the guard uses the defaults in lib/domain/copy-guard/default-lists.ts. `lists` is the JSON
-- of TGuardLists, validated by the action that writes it; every change is ledgered (copy_guard.save_lists).
CREATE TABLE "copy_guard_settings" (
  "id" INTEGER NOT NULL PRIMARY KEY DEFAULT 1 CHECK ("id" = 1),
  "lists" TEXT NOT NULL,
  "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_by" TEXT NOT NULL
);
