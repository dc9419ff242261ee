"use client";

import { useTranslations } from "next-intl";
import { requestEmailChangeAction } from "@/app/account/actions";
import { AccountSettingsForm } from "./account-settings-form";
import { TextField } from "./form-field";

/** E-mail change on the account page: the new address and the current password. */
export function ChangeEmailForm() {
  const t = useTranslations("auth");
  return (
    <AccountSettingsForm
      action={requestEmailChangeAction}
      messages="emailForm"
      success={({ email }) => t("account.emailForm.sent", { email })}
      fields={(failure) => (
        <>
          <TextField
            id="change-email-new"
            name="newEmail"
            type="email"
            label={t("account.emailForm.newEmail")}
            autoComplete="email"
            inputMode="email"
            autoCapitalize="none"
            spellCheck={false}
            required
            defaultValue={failure?.values?.newEmail ?? ""}
            errors={failure?.errors.newEmail}
          />
          <TextField
            id="change-email-password"
            name="currentPassword"
            type="password"
            label={t("account.emailForm.password")}
            autoComplete="current-password"
            required
            errors={failure?.errors.currentPassword}
          />
        </>
      )}
    />
  );
}
