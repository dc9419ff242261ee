"use client";

import { useEffect, type RefObject } from "react";

/**
 * After a failed submission, moves focus to the first field marked aria-invalid, or, when no
 * field is at fault (a wrong password), to the form's message, so keyboard and screen-reader
 * users land where the problem is instead of on the page's body. Runs when `state` changes.
 */
export function useFocusFirstError(formRef: RefObject<HTMLFormElement | null>, state: unknown): void {
  useEffect(() => {
    if (!state) return;
    const form = formRef.current;
    (form?.querySelector<HTMLElement>("[aria-invalid='true']") ?? form?.querySelector<HTMLElement>("[data-form-message]"))?.focus();
  }, [formRef, state]);
}
