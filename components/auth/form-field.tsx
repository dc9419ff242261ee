import type { ComponentProps, ReactNode } from "react";

/**
 * A labelled text input with an optional hint and its error. The error is tied to the input
 * with aria-describedby and aria-invalid, so screen readers announce it on focus.
 */
export function TextField({
  id,
  label,
  hint,
  errors,
  className = "",
  ...input
}: ComponentProps<"input"> & { id: string; label: ReactNode; hint?: ReactNode; errors?: string[] }) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`grid gap-1.5 ${className}`.trim()}>
      <label htmlFor={id} className="text-sm font-medium text-slate-800">
        {label}
      </label>
      <input
        id={id}
        aria-invalid={errorId ? true : undefined}
        aria-describedby={describedBy}
        className="min-h-11 w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-base text-slate-900 shadow-sm transition-colors placeholder:text-slate-400 hover:border-slate-400 focus-visible:border-brand-500 aria-invalid:border-red-500 aria-invalid:bg-red-50/40"
        {...input}
      />
      {errorId ? (
        <p id={errorId} className="text-sm text-red-700">
          {errors!.join(" ")}
        </p>
      ) : null}
      {hintId ? (
        <p id={hintId} className="text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

/** The account's email address, as both sign-in and sign-up ask for it. */
export function EmailField({ id, label, defaultValue, errors }: { id: string; label: ReactNode; defaultValue: string; errors?: string[] }) {
  return (
    <TextField
      id={id}
      name="email"
      type="email"
      label={label}
      autoComplete="email"
      inputMode="email"
      autoCapitalize="none"
      spellCheck={false}
      required
      defaultValue={defaultValue}
      errors={errors}
    />
  );
}

/** A new password (reset, change): the strength rule's bounds and the hint, the same everywhere. */
export function NewPasswordField({ id, name, label, hint, errors }: { id: string; name: string; label: ReactNode; hint: ReactNode; errors?: string[] }) {
  return <TextField id={id} name={name} type="password" label={label} hint={hint} autoComplete="new-password" required minLength={10} maxLength={200} errors={errors} />;
}

/**
 * The form-level message of a failed submission, unless a field already shows the same words
 * beside it (a taken address, an unknown join code): each error is shown once.
 */
export function formLevelMessage(failure: { message?: string | null; errors?: Record<string, string[] | undefined> } | null | undefined): string | undefined {
  if (!failure?.message) return undefined;
  const fieldErrors = Object.values(failure.errors ?? {}).flatMap((errors) => errors ?? []);
  return fieldErrors.includes(failure.message) ? undefined : failure.message;
}

/**
 * The form's live region: always in the DOM (so assistive technology is listening before the
 * message arrives) and announced politely when it changes.
 */
export function FormMessage({ message, id }: { message?: string | null; id?: string }) {
  return (
    <div id={id} role="status" aria-live="polite" aria-atomic="true">
      {message ? (
        <p tabIndex={-1} data-form-message className="flex gap-2 rounded-lg border border-red-200 bg-red-50 px-3 py-2.5 text-sm text-red-800">
          <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className="mt-0.5 size-4 shrink-0">
            <path fillRule="evenodd" d="M18 10a8 8 0 1 1-16 0 8 8 0 0 1 16 0Zm-8-5a.75.75 0 0 1 .75.75v4.5a.75.75 0 0 1-1.5 0v-4.5A.75.75 0 0 1 10 5Zm0 10a1 1 0 1 0 0-2 1 1 0 0 0 0 2Z" clipRule="evenodd" />
          </svg>
          <span>{message}</span>
        </p>
      ) : null}
    </div>
  );
}
