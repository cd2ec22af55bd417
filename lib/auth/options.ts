import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { recordLedger } from "../data/ledger";
import { findUserForSignIn } from "../data/users";
import { createRateLimiter } from "../domain/auth/rate-limit";
import { env } from "../env";
import { AppError } from "../errors";
import { verifyPassword } from "./password";

export const SESSION_MAX_AGE_S = 12 * 60 * 60;

// 5 failed attempts per minute per (email, IP); successful sign-in clears the count.
const limiter = createRateLimiter({ limit: 5, windowMs: 60_000 });

// A real hash of a random value: unknown emails cost the same time as wrong passwords.
const DUMMY_HASH = "scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$ZGdhbW1hZGdhbW1hZGdhbW1hZGdhbW1hZGdhbW1hMDA";

function clientIp(headers: Record<string, string | string[] | undefined> | undefined): string {
  const forwarded = headers?.["x-forwarded-for"];
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(",")[0]?.trim();
  return first || "local";
}

const anon = (requestId: string | null) => ({
  actorType: "anonymous" as const,
  actorRole: null,
  requestId,
  payloadHash: null,
});

export const authOptions: NextAuthOptions = {
  secret: process.env.AUTH_SECRET,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S },
  jwt: { maxAge: SESSION_MAX_AGE_S },
  pages: { signIn: "/login" },
  useSecureCookies: env().NODE_ENV === "production" && (process.env.NEXTAUTH_URL ?? "").startsWith("https://"),
  providers: [
    CredentialsProvider({
      name: "email",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(credentials, req) {
        const email = String(credentials?.email ?? "")
          .trim()
          .toLowerCase()
          .slice(0, 254);
        const password = String(credentials?.password ?? "").slice(0, 200);
        const requestId = (req.headers?.["x-request-id"] as string | undefined) ?? null;
        const key = `${email}|${clientIp(req.headers)}`;
        const now = Date.now();
        if (!limiter.check(key, now).allowed) {
          await recordLedger({
            ...anon(requestId),
            actorId: email,
            action: "auth.rate_limited",
            target: null,
            summary: "sign-in refused: too many attempts",
          });
          throw new Error("rate_limited");
        }
        const user = email
          ? await findUserForSignIn(email).catch((error: unknown) => {
              // next-auth passes the message to the sign-in form, which translates it.
              throw new Error(
                error instanceof AppError && error.code === "database_unavailable" ? "database_unavailable" : "failed",
              );
            })
          : null;
        const valid = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
        if (!user || !valid || !user.active) {
          limiter.fail(key, now);
          const why = !user ? "unknown email" : !valid ? "wrong password" : "account disabled";
          await recordLedger({
            ...anon(requestId),
            actorId: email || null,
            action: "auth.sign_in_failed",
            target: user ? `user:${user.id}` : null,
            summary: why,
          });
          return null;
        }
        limiter.reset(key);
        await recordLedger({
          actorType: "user",
          actorId: user.id,
          actorRole: user.role,
          action: "auth.sign_in",
          target: `user:${user.id}`,
          summary: `${user.email} signed in`,
          requestId,
          payloadHash: null,
        });
        return { id: user.id, email: user.email, name: user.name };
      },
    }),
  ],
  callbacks: {
    // The token carries identity and sign-in time only; role and active status are read per request.
    async jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.signedInAt = Date.now();
      }
      return token;
    },
    async session({ session, token }) {
      return { ...session, uid: token.uid as string | undefined, signedInAt: token.signedInAt as number | undefined };
    },
  },
  events: {
    async signOut({ token }) {
      const uid = token?.uid as string | undefined;
      if (!uid) return;
      await recordLedger({
        actorType: "user",
        actorId: uid,
        actorRole: null,
        action: "auth.sign_out",
        target: `user:${uid}`,
        summary: "signed out",
        requestId: null,
        payloadHash: null,
      });
    },
  },
};
