"use client";

import { useTranslations } from "next-intl";
import { changePasswordAction } from "@/app/account/actions";
import { AccountSettingsForm } from "./account-settings-form";
import { NewPasswordField, TextField } from "./form-field";

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
          <NewPasswordField id="change-password-new" name="newPassword" label={t("fields.newPassword")} hint={t("fields.newPasswordHint")} errors={failure?.errors.newPassword} />
        </>
      )}
    />
  );
}
