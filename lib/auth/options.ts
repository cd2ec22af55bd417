import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { recordLedger } from "../data/ledger";
import { ledgerEntry } from "../domain/ledger/entry";
import { randomUUID } from "node:crypto";
import { endSessionById } from "../data/users";
import { env } from "../env";
import { SESSION_MAX_AGE_S, userForSession, type TSessionClaims } from "./session-user";
import { checkSignIn } from "./sign-in";

export { SESSION_MAX_AGE_S };

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
      // Limits, ledger and the rules for typed e-mails live in checkSignIn (lib/auth/sign-in.ts).
      async authorize(credentials, req) {
        return checkSignIn({ email: credentials?.email, password: credentials?.password, headers: req.headers });
      },
    }),
  ],
  callbacks: {
    // The token carries identity, sign-in time and the user's session version at sign-in; role, active
    // status and the current version are read per request (lib/auth/session-user.ts).
    async jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.signedInAt = Date.now();
        token.sv = (user as { sessionVersion?: number }).sessionVersion;
        token.sid = randomUUID();
      }
      return token;
    },
    async session({ session, token }) {
      return {
        ...session,
        uid: token.uid as string | undefined,
        signedInAt: token.signedInAt as number | undefined,
        sv: token.sv as number | undefined,
        sid: token.sid as string | undefined,
      };
    },
  },
  events: {
    // Runs in the sign-out route on the server: recording the session id ends this cookie even if a
    // copy of it survives in another browser or a log; the user's other sessions go on.
    async signOut({ token }) {
      const uid = token?.uid as string | undefined;
      if (!uid) return;
      if (!(await endSession(token as TSessionClaims))) return;
      await recordLedger(
        ledgerEntry(
          { actorType: "user", actorId: uid, actorRole: null },
          { action: "auth.sign_out", target: `user:${uid}`, summary: "signed out" },
        ),
      );
    },
  },
};

/** Sign-out's server half: ends this session only; a cookie that is no longer valid ends nothing. */
export async function endSession(claims: TSessionClaims): Promise<boolean> {
  if (!(await userForSession(claims)) || !claims.uid || !claims.sid) return false;
  return endSessionById(claims.uid, claims.sid, new Date(), SESSION_MAX_AGE_S * 1000);
}
