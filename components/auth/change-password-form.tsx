"use client";

import { useTranslations } from "next-intl";
import { changePasswordAction } from "@/app/account/actions";
import { AccountSettingsForm } from "./account-settings-form";
import { TextField } from "./form-field";

/** Password change on the account page: the current password, then the new one. */
export function ChangePasswordForm() {
  const t = useTranslations("auth");
  return (
    <AccountSettingsForm
      action={changePasswordAction}
      messages="passwordForm"
      success={() => t("account.passwordForm.changed")}
      fields={(failure) => (
        <>
          <TextField
            id="change-password-current"
            name="currentPassword"
            type="password"
            label={t("fields.currentPassword")}
            autoComplete="current-password"
            required
            errors={failure?.errors.currentPassword}
          />
          <TextField
            id="change-password-new"
            name="newPassword"
            type="password"
            label={t("fields.newPassword")}
            hint={t("fields.newPasswordHint")}
            autoComplete="new-password"
            required
            minLength={10}
            maxLength={200}
            errors={failure?.errors.newPassword}
          />
        </>
      )}
    />
  );
}
