import NextAuth from "next-auth";
import { authOptions } from "../../../../lib/auth/options.ts";

export const dynamic = "force-dynamic";

type RouteContext = { params: Promise<{ nextauth: string[] }> };

async function handler(request: Request, context: RouteContext): Promise<Response> {
  return NextAuth(
    request as never,
    { params: await context.params } as never,
    authOptions(),
  ) as Promise<Response>;
}

export { handler as GET, handler as POST };
