import "server-only";
import { insertToken, revokeToken } from "../data/tokens";
import { findUserByEmail } from "../data/users";
import {
  mayCreatePersonalTokenFor,
  mintToken,
  tokenCreatorId,
  ZCreateToken,
  ZRevokeToken,
  type TTokenInfo,
} from "../domain/auth/tokens";
import { AppError } from "../errors";
import { defineMutation } from "./mutation";

/**
 * Founders only (`settings:manage`, which no agent scope can grant). The secret is in the result
 * exactly once and never in the ledger: the ledger names the token by id, name and display prefix.
 * A personal token is for its creator only (the operator CLI may name any user), see
 * `mayCreatePersonalTokenFor`; a refusal is `forbidden` on `user_email`, and ledgered.
 */
export const createTokenMutation = defineMutation({
  name: "tokens.create",
  permission: "settings:manage",
  input: ZCreateToken,
  async run({ tx, actor, input }): Promise<{
    result: { token: TTokenInfo; secret: string };
    ledger: { target: string; summary: string };
  }> {
    let userId: string | null = null;
    let scopes: string[] = [];
    let forEmail = "";
    if (input.kind === "personal") {
      const email = input.user_email ?? (actor.type === "user" ? actor.label : undefined);
      if (!email) throw new AppError("invalid_input", { user_email: "validation.required" });
      const user = await findUserByEmail(tx, email);
      if (!user) throw new AppError("invalid_input", { user_email: "validation.unknown_user" });
      if (!mayCreatePersonalTokenFor(actor, user.id))
        throw new AppError("forbidden", { user_email: "validation.token_self_only" }, undefined, `user:${user.id}`);
      if (!user.active) throw new AppError("invalid_input", { user_email: "validation.user_disabled" });
      userId = user.id;
      forEmail = user.email;
    } else {
      if (input.scopes.length === 0) throw new AppError("invalid_input", { scopes: "validation.scopes_required" });
      scopes = input.scopes;
    }
    const minted = mintToken(input.kind);
    const token = await insertToken(tx, {
      name: input.name,
      kind: input.kind,
      userId,
      scopes,
      hash: minted.hash,
      prefix: minted.prefix,
      createdBy: actor.label,
      createdByUserId: tokenCreatorId(actor),
    });
    const whom = input.kind === "personal" ? `for ${forEmail} (user:${userId})` : `with scopes ${scopes.join(",")}`;
    return {
      result: { token, secret: minted.secret },
      ledger: {
        target: `token:${token.id}`,
        summary: `created ${input.kind} token "${token.name}" (${token.prefix}…) ${whom}`,
      },
    };
  },
});

export const revokeTokenMutation = defineMutation({
  name: "tokens.revoke",
  permission: "settings:manage",
  input: ZRevokeToken,
  async run({ tx, input }) {
    const token = await revokeToken(tx, input.id, new Date());
    return {
      result: token,
      ledger: {
        target: `token:${token.id}`,
        summary: `revoked ${token.kind} token "${token.name}" (${token.prefix}…)`,
      },
    };
  },
});
