"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";

/** The header links of classes and assignments; the current one is marked for screen readers too. */
export function ClassesNavLinks({ showAssignments }: { showAssignments: boolean }) {
  const t = useTranslations("classes.nav");
  const pathname = usePathname();
  const links = [
    { href: "/classes", label: t("classes") },
    ...(showAssignments ? [{ href: "/assignments", label: t("assignments") }] : []),
  ];
  return (
    <ul className="flex items-center gap-1 text-sm" data-testid="classes-nav">
      {links.map((link) => {
        const isCurrent = pathname === link.href || pathname.startsWith(`${link.href}/`);
        return (
          <li key={link.href}>
            <Link
              href={link.href}
              aria-current={isCurrent ? "page" : undefined}
              className={`rounded-md px-2 py-1.5 font-medium hover:bg-brand-50 hover:text-brand-700 ${isCurrent ? "text-brand-700 underline decoration-2 underline-offset-8" : "text-slate-700"}`}
            >
              {link.label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
