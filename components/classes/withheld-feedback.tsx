"use client";

import { useLocale, useTranslations } from "next-intl";
import { formatDateTime } from "@/lib/i18n/format";

/** The answer route's reply while an assignment's reveal policy withholds grade and answer. */
export interface WithheldReply {
  withheld: { revealsAt: string };
  finished: boolean;
  nextPosition: number | null;
  alreadyAnswered: boolean;
}

export function isWithheldReply(reply: object): reply is WithheldReply {
  return "withheld" in reply && typeof (reply as WithheldReply).withheld === "object" && (reply as WithheldReply).withheld !== null;
}

/** "Answer saved" without right or wrong: the server sent neither (reveal after submitting or after the due date). */
export function WithheldFeedback({ reply }: { reply: WithheldReply }) {
  const t = useTranslations("classes.attempt");
  const locale = useLocale();
  const { revealsAt } = reply.withheld;
  return (
    <div data-testid="feedback" data-result="withheld" className="rounded-xl border-l-4 border-slate-400 bg-slate-50 px-4 py-3">
      <p className="flex items-center gap-2 text-lg font-semibold text-slate-800">
        <span aria-hidden="true" className="flex size-7 items-center justify-center rounded-full bg-slate-600 text-base text-white">
          ✓
        </span>
        <span data-testid="verdict">{t("saved")}</span>
      </p>
      <p className="mt-1 text-sm text-slate-600">
        {revealsAt === "submit" ? t("savedAfterSubmit") : t("savedAfterDue", { date: formatDateTime(new Date(revealsAt), locale) })}
      </p>
    </div>
  );
}
