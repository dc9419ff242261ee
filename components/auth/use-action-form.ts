"use client";

import { useActionState, useRef } from "react";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { FormState } from "@/lib/server/action";
import { useFocusFirstError } from "./use-focus-first-error";

type FormAction<TData> = (previous: FormState<TData>, input: FormData) => Promise<FormState<TData>>;

/**
 * What every auth and account form does with its server action: keeps the action's state,
 * moves focus to the first error after a failed submission (useFocusFirstError), and marks
 * the form as hydrated for the tests. `failure` is the failed state (errors, message, the
 * values to put back), or null.
 */
export function useActionForm<TData>(action: FormAction<TData>) {
  const [state, formAction, isPending] = useActionState<FormState<TData>, FormData>(action, null);
  const formRef = useRef<HTMLFormElement>(null);
  const isHydrated = useHydrated();
  useFocusFirstError(formRef, state);
  const failure = state?.ok === false ? state : null;
  return { state, formAction, isPending, formRef, failure, hydratedAttribute: isHydrated || undefined };
}
