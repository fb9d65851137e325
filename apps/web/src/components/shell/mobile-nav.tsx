"use client";

import { type ReactNode, useState } from "react";
import { Icon } from "./icon.tsx";
import { NavLinks } from "./nav-links.tsx";

/** Top bar with a drawer below the `lg` breakpoint; the sidebar takes over on wide screens. */
export function MobileNav({ header, footer }: { header: ReactNode; footer: ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <div className="lg:hidden">
      <div className="sticky top-0 z-30 flex h-14 items-center justify-between border-b border-zinc-200 bg-white/90 px-4 backdrop-blur dark:border-zinc-800 dark:bg-zinc-950/90">
        <a href="/dashboard" className="flex items-center gap-2 font-semibold">
          <Icon name="logo" className="size-5 text-indigo-600" /> Switchyard
        </a>
        <button
          type="button"
          aria-label={open ? "Close menu" : "Open menu"}
          aria-expanded={open}
          onClick={() => setOpen(!open)}
          className="rounded-lg p-2 text-zinc-600 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800"
        >
          <Icon name={open ? "close" : "menu"} className="size-5" />
        </button>
      </div>
      {open ? (
        <div className="fixed inset-0 top-14 z-20 overflow-y-auto bg-white px-4 py-4 dark:bg-zinc-950">
          <div className="mb-4">{header}</div>
          <NavLinks onNavigate={() => setOpen(false)} />
          <div className="mt-6 border-t border-zinc-200 pt-4 dark:border-zinc-800">{footer}</div>
        </div>
      ) : null}
    </div>
  );
}
