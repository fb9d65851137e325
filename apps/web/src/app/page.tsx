import Link from "next/link";
import { Icon } from "../components/shell/icon.tsx";
import { buttonClass } from "../components/ui/button.tsx";
import { getSessionUser } from "../lib/auth/session.ts";

export const dynamic = "force-dynamic";

const FEATURES = [
  {
    title: "One endpoint, every model",
    body: "OpenAI-compatible API for OpenAI, Anthropic, Gemini, Mistral, Llama and more. Change a base URL, keep your SDK.",
  },
  {
    title: "Routing that pays attention",
    body: "Each request goes to the best provider by price, latency and health, and falls back automatically when one fails.",
  },
  {
    title: "Your data rules, enforced",
    body: "Exclude providers that train on prompts or retain data, require zero data retention, pin regions.",
  },
  {
    title: "Prepaid credits, exact metering",
    body: "Buy credits, set per-key limits, see every request's tokens, cost and route trace.",
  },
];

export default async function LandingPage() {
  const user = await getSessionUser();
  return (
    <div className="min-h-screen">
      <header className="mx-auto flex max-w-6xl items-center justify-between px-4 py-5 sm:px-6">
        <span className="flex items-center gap-2 text-lg font-semibold">
          <Icon name="logo" className="size-6 text-indigo-600" /> Switchyard
        </span>
        <nav className="flex items-center gap-2">
          {user ? (
            <Link href="/dashboard" className={buttonClass("primary")}>
              Open dashboard
            </Link>
          ) : (
            <>
              <Link href="/signin" className={buttonClass("ghost")}>
                Sign in
              </Link>
              <Link href="/signup" className={buttonClass("primary")}>
                Sign up
              </Link>
            </>
          )}
        </nav>
      </header>
      <main className="mx-auto max-w-6xl px-4 pb-20 sm:px-6">
        <section className="py-16 text-center sm:py-24">
          <p className="mb-4 inline-block rounded-full border border-zinc-200 px-3 py-1 text-xs font-medium text-zinc-600 dark:border-zinc-800 dark:text-zinc-400">
            OpenAI-compatible · price, latency and health-aware routing
          </p>
          <h1 className="mx-auto max-w-3xl text-4xl font-semibold tracking-tight sm:text-6xl">
            Every LLM behind one API key.
          </h1>
          <p className="mx-auto mt-5 max-w-2xl text-lg text-zinc-600 dark:text-zinc-400">
            Switchyard routes each request to the right provider, falls back when one fails, and bills you
            exactly for what you use.
          </p>
          <div className="mt-8 flex flex-wrap justify-center gap-3">
            <Link href={user ? "/dashboard" : "/signup"} className={buttonClass("primary")}>
              {user ? "Go to dashboard" : "Get started free"}
            </Link>
            <Link href="/signin" className={buttonClass("secondary")}>
              Sign in
            </Link>
          </div>
          <pre className="mx-auto mt-12 max-w-2xl overflow-x-auto rounded-xl bg-zinc-950 p-5 text-left font-mono text-xs leading-relaxed text-zinc-100 shadow-lg sm:text-sm">
            {`from openai import OpenAI

client = OpenAI(base_url="https://switchyard.example/api/v1", api_key="sk-sy-…")
client.chat.completions.create(
    model="anthropic/claude-sonnet-4",
    messages=[{"role": "user", "content": "Hello"}],
)`}
          </pre>
        </section>
        <section className="grid gap-4 sm:grid-cols-2">
          {FEATURES.map((f) => (
            <div
              key={f.title}
              className="rounded-xl border border-zinc-200 bg-white p-6 dark:border-zinc-800 dark:bg-zinc-900"
            >
              <h2 className="font-semibold">{f.title}</h2>
              <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">{f.body}</p>
            </div>
          ))}
        </section>
      </main>
    </div>
  );
}
