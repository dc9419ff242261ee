"use client";

import { useEffect, useRef, useState } from "react";
import { usePathname } from "next/navigation";

/**
 * The header's links on a small screen: one "Menü" button (a disclosure: aria-expanded,
 * Enter/Space toggle, Escape closes and gives the focus back to the button) instead of three
 * wrapped rows. From `lg` up the button is gone and the links stand in the header's row
 * (`lg:contents`), as before.
 */
export function SiteMenu({ label, children }: { label: string; children: React.ReactNode }) {
  const pathname = usePathname();
  // Open for the page it was opened on only: following a link closes it.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const isOpen = openOn === pathname;
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!isOpen) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setOpenOn(null);
      buttonRef.current?.focus();
    };
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!panelRef.current?.contains(target) && !buttonRef.current?.contains(target)) setOpenOn(null);
    };
    document.addEventListener("keydown", onKeyDown);
    document.addEventListener("pointerdown", onPointerDown);
    return () => {
      document.removeEventListener("keydown", onKeyDown);
      document.removeEventListener("pointerdown", onPointerDown);
    };
  }, [isOpen]);

  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        aria-expanded={isOpen}
        aria-controls="site-menu"
        onClick={() => setOpenOn(isOpen ? null : pathname)}
        className="ml-auto inline-flex min-h-10 items-center gap-2 rounded-md border border-slate-300 px-3 text-sm font-medium text-slate-800 hover:bg-slate-100 lg:hidden"
        data-testid="menu-button"
      >
        <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
          {isOpen ? <path d="M5 5l10 10M15 5L5 15" /> : <path d="M3 5h14M3 10h14M3 15h14" />}
        </svg>
        {label}
      </button>
      <div
        ref={panelRef}
        id="site-menu"
        data-testid="site-menu"
        className={`${isOpen ? "flex" : "hidden"} basis-full flex-col gap-3 border-t border-slate-100 pt-3 lg:contents`}
      >
        {children}
      </div>
    </>
  );
}
