// npm run users -- create --email E --role R [--name N]   (password read from stdin)
//                  list
//                  disable --email E
import { parseArgs } from "node:util";
import { runMutation } from "../lib/actions/mutation";
import { createUserMutation, disableUserByEmailMutation } from "../lib/actions/users";
import { listUsers } from "../lib/data/users";
import type { TActor } from "../lib/domain/auth/actor";
import { readStdin, runCli, UsageError } from "./cli";
import { userInfo } from "node:os";

const USAGE =
  "usage: npm run users -- create --email E --role founder|csm|analyst [--name N] < password-file\n       npm run users -- list\n       npm run users -- disable --email E";

// The operator at the host's shell already holds the database; the CLI acts with founder rights
// and is ledgered as `cli:<os user>`.
const operator: TActor = { type: "cli", id: `cli:${userInfo().username}`, role: "founder", label: "cli" };

void runCli(async () => {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { email: { type: "string" }, role: { type: "string" }, name: { type: "string" } },
  });
  const [command] = positionals;
  if (command === "list") {
    for (const u of await listUsers())
      console.log([u.email, u.role, u.active ? "active" : "disabled", u.name].join("\t"));
    return;
  }
  if (command === "create") {
    const password = (await readStdin()).replace(/\r?\n$/, "");
    const email = values.email ?? "";
    const input = { email, role: values.role, name: values.name ?? email.split("@")[0], password };
    const result = await runMutation(createUserMutation, operator, input);
    if (!result.ok) throw new UsageError(describe(result));
    console.log(`created ${result.data.email} (${result.data.role})`);
    return;
  }
  if (command === "disable") {
    const result = await runMutation(disableUserByEmailMutation, operator, { email: values.email });
    if (!result.ok) throw new UsageError(describe(result));
    console.log(`disabled ${result.data.email}`);
    return;
  }
  throw new UsageError(USAGE);
});

const FIELD_TEXT: Record<string, string> = {
  "validation.required": "is required",
  "validation.email": "is not a valid email",
  "validation.email_taken": "is already used by another user",
  "validation.too_short": "is too short (passwords need at least 12 characters; pass it on stdin)",
  "validation.too_long": "is too long",
  "validation.invalid_choice": "must be one of founder, csm, analyst",
  "validation.unknown_user": "matches no user",
  "validation.last_founder": "is the last active founder and cannot be disabled",
};

function describe(result: { code: string; fields?: Record<string, string> }): string {
  const fields = Object.entries(result.fields ?? {}).map(
    ([k, v]) => `${k === "_" ? "" : `${k} `}${FIELD_TEXT[v] ?? v}`,
  );
  return fields.length ? fields.join("; ") : result.code.replace(/_/g, " ");
}
