"use client";

import { useEffect, type RefObject } from "react";

/**
 * After a failed submission, moves focus to the first field marked aria-invalid, so keyboard
 * and screen-reader users land where the problem is. Runs when `state` changes.
 */
export function useFocusFirstError(formRef: RefObject<HTMLFormElement | null>, state: unknown): void {
  useEffect(() => {
    if (!state) return;
    formRef.current?.querySelector<HTMLElement>("[aria-invalid='true']")?.focus();
  }, [formRef, state]);
}
