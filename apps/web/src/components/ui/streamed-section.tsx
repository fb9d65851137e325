import { type ReactNode, Suspense } from "react";

/**
 * A page's large, data-heavy part, sent as its own streamed segment behind a skeleton. Give it an
 * async component: React reveals the segment only once the browser has parsed all of it. Sent
 * inline, a page past about 100 KB of HTML was now and then hydrated before the browser had parsed
 * its end, on a slow connection or a busy CPU, and React reported a mismatch (#418) and re-rendered
 * it: half the loads of /models at 300 kbit/s, one in nine of /activity with both cores busy.
 */
export function StreamedSection({
  label,
  resetKey,
  children,
}: {
  /** What is loading, for screen readers. */
  label: string;
  /** Shows the skeleton again when this changes (a new search or filter), not the stale content. */
  resetKey?: string;
  children: ReactNode;
}) {
  return (
    <Suspense key={resetKey} fallback={<SectionSkeleton label={label} />}>
      {children}
    </Suspense>
  );
}

function SectionSkeleton({ label }: { label: string }) {
  return (
    <div role="status" aria-label={label} className="animate-pulse space-y-4">
      <div className="h-4 w-64 rounded-md bg-zinc-200 dark:bg-zinc-800" />
      <div className="h-48 rounded-xl border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900" />
    </div>
  );
}
