import "server-only";
import { markNoticesRead } from "../data/notices";
import { ZMarkNoticesRead } from "../domain/notices/types";
import { AppError } from "../errors";
import { defineMutation } from "./mutation";

/**
 * Marks one's own notices read (some, or all). Every person may, on their own notices only: the
 * update is scoped to the actor's id, so another person's notice id changes nothing. An agent token
 * has no notices.
 */
export const markNoticesReadMutation = defineMutation({
  name: "notices.read",
  permission: "profile:update",
  input: ZMarkNoticesRead,
  async run({ tx, actor, input }) {
    if (actor.type !== "user") throw new AppError("forbidden");
    const n = await markNoticesRead(tx, actor.id, input.ids ?? null, new Date());
    return {
      result: { marked: n },
      ledger: { target: `user:${actor.id}`, summary: `${n} notice(s) marked read${input.ids ? "" : " (all)"}` },
    };
  },
});
