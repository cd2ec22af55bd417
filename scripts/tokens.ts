// npm run tokens -- create --name N --user EMAIL                     a personal token: acts as that user, with their role
//                   create --name N --agent --scopes customer:read,…   an agent token: scopes only, never approves
//                   list
//                   revoke --id ID
import { userInfo } from "node:os";
import { parseArgs } from "node:util";
import { runMutation } from "../lib/actions/mutation";
import { createTokenMutation, revokeTokenMutation } from "../lib/actions/tokens";
import { listTokens } from "../lib/data/tokens";
import type { TActor } from "../lib/domain/auth/actor";
import { SCOPES } from "../lib/domain/auth/scopes";
import { parseScopeList } from "../lib/domain/auth/tokens";
import { runCli, UsageError } from "./cli";

const USAGE = [
  "usage: npm run tokens -- create --name N --user EMAIL",
  "       npm run tokens -- create --name N --agent --scopes SCOPE[,SCOPE…]",
  "       npm run tokens -- list",
  "       npm run tokens -- revoke --id ID",
  `scopes: ${SCOPES.join(", ")}`,
].join("\n");

// Like `npm run users`: the operator at the host's shell already holds the database, acts with
// founder rights and is ledgered as `cli:<os user>`.
const operator: TActor = { type: "cli", id: `cli:${userInfo().username}`, role: "founder", label: "cli" };

void runCli(async () => {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      name: { type: "string" },
      user: { type: "string" },
      agent: { type: "boolean", default: false },
      scopes: { type: "string" },
      id: { type: "string" },
    },
  });
  const [command] = positionals;
  if (command === "list") {
    for (const t of await listTokens())
      console.log(
        [
          t.id,
          t.prefix,
          t.kind,
          t.name,
          t.kind === "personal" ? t.userEmail : t.scopes.join(","),
          `created ${t.createdAt.toISOString()}`,
          `last used ${t.lastUsedAt?.toISOString() ?? "never"}`,
          t.revokedAt ? `REVOKED ${t.revokedAt.toISOString()}` : "active",
        ].join("\t"),
      );
    return;
  }
  if (command === "create") {
    if (values.agent === !!values.user)
      throw new UsageError(`give either --user EMAIL or --agent --scopes …\n${USAGE}`);
    let scopes: string[] = [];
    try {
      scopes = values.agent ? parseScopeList(values.scopes ?? "") : [];
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    const input = values.agent
      ? { kind: "agent", name: values.name ?? "", scopes }
      : { kind: "personal", name: values.name ?? "", user_email: values.user };
    const result = await runMutation(createTokenMutation, operator, input);
    if (!result.ok) throw new UsageError(describe(result));
    const { token, secret } = result.data;
    console.error(`created ${token.kind} token "${token.name}" (id ${token.id})`);
    console.error("WARNING: this is the only time the token is shown. Store it in a secret manager now.");
    console.log(secret);
    return;
  }
  if (command === "revoke") {
    const result = await runMutation(revokeTokenMutation, operator, { id: values.id ?? "" });
    if (!result.ok) throw new UsageError(describe(result));
    console.log(`revoked "${result.data.name}" (${result.data.prefix}…)`);
    return;
  }
  throw new UsageError(USAGE);
});

const FIELD_TEXT: Record<string, string> = {
  "validation.required": "is required",
  "validation.email": "is not a valid email",
  "validation.too_long": "is too long",
  "validation.invalid": "is not valid",
  "validation.invalid_choice": `must be among: ${SCOPES.join(", ")}`,
  "validation.unknown_user": "matches no user",
  "validation.user_disabled": "belongs to a disabled user",
  "validation.scopes_required": "needs at least one scope (--scopes customer:read,…)",
  "validation.already_revoked": "token is already revoked",
};

// Field names as the operator typed them.
const FLAG: Record<string, string> = { name: "--name", user_email: "--user", scopes: "--scopes", id: "--id" };

function describe(result: { code: string; fields?: Record<string, string> }): string {
  const fields = Object.entries(result.fields ?? {}).map(([k, v]) => {
    const field = k.replace(/\.\d+$/, "");
    return `${k === "_" ? "" : `${FLAG[field] ?? field} `}${FIELD_TEXT[v] ?? v}`;
  });
  if (fields.length) return fields.join("; ");
  return result.code === "not_found" ? "no token has this id" : result.code.replace(/_/g, " ");
}
