"use client";

import { useActionState } from "react";
import { useHydrated } from "@/components/ui/use-hydrated";
import { useTranslations } from "next-intl";
import { saveFlashcardSettings } from "@/app/flashcards/actions";
import { FormMessage, TextField } from "@/components/auth/form-field";
import { Button } from "@/components/ui/button";
import type { FormState } from "@/lib/server/action";
import type { FlashcardSettings } from "@/lib/server/flashcards";

/** Desired retention (as a percentage, 70–97) and the daily limit for new cards. */
export function SettingsForm({ settings }: { settings: FlashcardSettings }) {
  const t = useTranslations("flashcards.settings");
  const [state, formAction, isPending] = useActionState<FormState<FlashcardSettings>, FormData>(saveFlashcardSettings, null);
  const failure = state?.ok === false ? state : null;
  const saved = state?.ok === true ? state.data : null;
  const current = saved ?? settings;
  const isReady = useHydrated();

  return (
    <form action={formAction} className="grid gap-5" noValidate data-testid="flashcard-settings" data-ready={isReady}>
      <div className="grid gap-5 sm:grid-cols-2">
        <TextField
          id="flashcards-retention"
          name="desiredRetention"
          type="number"
          inputMode="numeric"
          min={70}
          max={97}
          step={1}
          label={`${t("retention")} (${t("percent")})`}
          hint={t("retentionHelp")}
          defaultValue={failure?.values?.desiredRetention ?? String(Math.round(current.desiredRetention * 100))}
          errors={failure?.errors.desiredRetention}
          key={`retention-${current.desiredRetention}-${state ? "s" : ""}`}
        />
        <TextField
          id="flashcards-new-per-day"
          name="newCardsPerDay"
          type="number"
          inputMode="numeric"
          min={0}
          max={500}
          step={1}
          label={t("newCardsPerDay")}
          hint={t("newCardsPerDayHelp")}
          defaultValue={failure?.values?.newCardsPerDay ?? String(current.newCardsPerDay)}
          errors={failure?.errors.newCardsPerDay}
          key={`new-${current.newCardsPerDay}-${state ? "s" : ""}`}
        />
      </div>
      <FormMessage message={failure?.message} />
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={isPending} aria-disabled={isPending}>
          {isPending ? t("saving") : t("save")}
        </Button>
        <p role="status" aria-live="polite" className="text-sm text-emerald-700">
          {saved ? t("saved") : ""}
        </p>
      </div>
    </form>
  );
}
