"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";

const links = [
  { href: "/dashboard", key: "dashboard" },
  { href: "/history", key: "history" },
] as const;

/** "Fortschritt" and "Verlauf" in the site header; the current one is marked for screen readers too. */
export function ProgressNav() {
  const t = useTranslations("progress.nav");
  const pathname = usePathname();
  return (
    <ul className="flex items-center gap-1 text-sm">
      {links.map((link) => {
        const isCurrent = pathname === link.href || pathname.startsWith(`${link.href}/`);
        return (
          <li key={link.href}>
            <Link
              href={link.href}
              aria-current={isCurrent ? "page" : undefined}
              className={`rounded-md px-2 py-1.5 font-medium hover:bg-brand-50 hover:text-brand-700 ${isCurrent ? "text-brand-700 underline decoration-2 underline-offset-8" : "text-slate-700"}`}
            >
              {t(link.key)}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
