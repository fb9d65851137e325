import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import GithubProvider from "next-auth/providers/github";
import { env } from "../../env.ts";
import { db } from "../db.ts";
import { verifyCredentials } from "./credentials.ts";
import { loginLimiter } from "./limiter.ts";
import { ensureOAuthUser } from "./oauth-user.ts";

function clientIp(headers: Record<string, unknown> | undefined): string {
  const forwarded = headers?.["x-forwarded-for"];
  const first = typeof forwarded === "string" ? forwarded.split(",")[0]?.trim() : undefined;
  const real = headers?.["x-real-ip"];
  return first || (typeof real === "string" ? real : "") || "unknown";
}

let cached: NextAuthOptions | undefined;

/** next-auth v4 configuration: email + password (JWT sessions), GitHub when both secrets are set. */
export function authOptions(): NextAuthOptions {
  if (cached) return cached;
  const config = env();
  const providers: NextAuthOptions["providers"] = [
    CredentialsProvider({
      name: "Email",
      credentials: {
        email: { label: "Email", type: "email" },
        password: { label: "Password", type: "password" },
      },
      async authorize(credentials, req) {
        const result = await verifyCredentials(db(), loginLimiter(), {
          email: credentials?.email ?? "",
          password: credentials?.password ?? "",
          ip: clientIp(req.headers),
        });
        if (result.ok) return { id: result.user.id, email: result.user.email, name: result.user.name };
        if (result.error === "rate_limited") {
          const minutes = Math.max(1, Math.ceil(result.retryAfterSeconds / 60));
          throw new Error(
            `Too many failed attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
          );
        }
        throw new Error("Invalid email or password.");
      },
    }),
  ];
  if (config.GITHUB_ID && config.GITHUB_SECRET) {
    providers.push(GithubProvider({ clientId: config.GITHUB_ID, clientSecret: config.GITHUB_SECRET }));
  }
  cached = {
    secret: config.NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
    pages: { signIn: "/signin", error: "/signin" },
    providers,
    callbacks: {
      async signIn({ account, user }) {
        if (account?.provider === "github") return Boolean(user.email);
        return true;
      },
      async jwt({ token, user, account }) {
        if (account?.provider === "github" && user?.email) {
          token.sub = await ensureOAuthUser(db(), { email: user.email, name: user.name ?? null });
        } else if (user?.id) {
          token.sub = user.id;
        }
        return token;
      },
      async session({ session, token }) {
        if (token.sub) session.user = { ...session.user, id: token.sub };
        return session;
      },
    },
  };
  return cached;
}
