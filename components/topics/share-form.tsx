"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { shareFactSetAction } from "@/app/topics/import/actions";
import { FormMessage } from "@/components/auth/form-field";
import { Button } from "@/components/ui/button";
import type { FormState } from "@/lib/server/action";

/** A teacher ticks the classes whose learners may study one of their imported sets. */
export function ShareForm({ factSetId, title, classes, sharedClassIds }: { factSetId: string; title: string; classes: { id: string; name: string }[]; sharedClassIds: string[] }) {
  const t = useTranslations("topics.import");
  const [state, formAction, isPending] = useActionState<FormState<{ count: number }>, FormData>(shareFactSetAction, null);
  const shared = new Set(sharedClassIds);
  return (
    <form action={formAction} className="mt-3">
      <input type="hidden" name="factSetId" value={factSetId} />
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">
          {t("shareLegend")} <span className="sr-only">– {title}</span>
        </legend>
        <div className="mt-2 flex flex-wrap gap-x-4 gap-y-2">
          {classes.map((klass) => (
            <label key={klass.id} className="inline-flex min-h-10 items-center gap-2 text-sm text-slate-800">
              <input type="checkbox" name="classIds" value={klass.id} defaultChecked={shared.has(klass.id)} className="size-4 accent-brand-600" />
              {klass.name}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="mt-2 flex flex-wrap items-center gap-3">
        <Button type="submit" variant="secondary" disabled={isPending}>
          {isPending ? t("shareSaving") : t("shareSave")}
        </Button>
        <FormMessage message={state?.ok ? t("shareSaved", { count: state.data.count }) : state?.message} />
      </div>
    </form>
  );
}
