import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";

/** The frame of the sign-in and sign-up pages: a narrow, centred card with a heading. */
export function AuthPanel({ title, intro, notice, footer, children }: { title: string; intro: string; notice?: ReactNode; footer: ReactNode; children: ReactNode }) {
  return (
    <div className="mx-auto w-full max-w-md pt-2 sm:pt-8">
      <Card className="sm:p-8">
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{title}</h1>
        {intro ? <p className="mt-2 text-slate-600">{intro}</p> : null}
        {notice ? <div className="mt-4">{notice}</div> : null}
        <div className="mt-6">{children}</div>
      </Card>
      <p className="mt-5 text-center text-sm text-slate-600">{footer}</p>
    </div>
  );
}

/** A calm, informative note (not an error): e.g. "your guest progress will be kept". */
export function AuthNotice({ children }: { children: ReactNode }) {
  return <p className="rounded-lg border border-brand-100 bg-brand-50 px-3 py-2.5 text-sm text-brand-900">{children}</p>;
}
