import { useTranslations } from "next-intl";
import type { AssignmentStatus } from "@/lib/assignments/policies";

const styles: Record<AssignmentStatus, { className: string; symbol: string }> = {
  not_started: { className: "bg-slate-100 text-slate-700 ring-slate-300", symbol: "○" },
  in_progress: { className: "bg-brand-50 text-brand-900 ring-brand-500/40", symbol: "◐" },
  submitted: { className: "bg-emerald-50 text-emerald-900 ring-emerald-600/30", symbol: "✓" },
  late: { className: "bg-amber-50 text-amber-900 ring-amber-600/40", symbol: "✓" },
  missed: { className: "bg-rose-50 text-rose-900 ring-rose-600/30", symbol: "✗" },
};

/** A learner's status on an assignment, in words and a symbol (never colour alone). */
export function StatusBadge({ status }: { status: AssignmentStatus }) {
  const t = useTranslations("classes.status");
  const style = styles[status];
  return (
    <span
      data-testid="status"
      data-status={status}
      className={`inline-flex items-center gap-1 whitespace-nowrap rounded-full px-2.5 py-0.5 text-xs font-medium ring-1 ring-inset ${style.className}`}
    >
      <span aria-hidden="true">{style.symbol}</span>
      {t(status)}
    </span>
  );
}
