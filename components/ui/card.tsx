import type { HTMLAttributes } from "react";

/** A white, softly bordered panel: the surface questions, topics and results sit on. */
export function Card({ className = "", ...props }: HTMLAttributes<HTMLDivElement>) {
  return <div className={`rounded-2xl border border-slate-200 bg-white p-5 shadow-sm sm:p-6 ${className}`.trim()} {...props} />;
}
