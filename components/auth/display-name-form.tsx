"use client";

import { useTranslations } from "next-intl";
import { changeDisplayName } from "@/app/account/actions";
import { AccountSettingsForm } from "./account-settings-form";
import { TextField } from "./form-field";

/** The account page's name field: what the person's teachers see. */
export function DisplayNameForm({ displayName }: { displayName: string | null }) {
  const t = useTranslations("auth");
  return (
    <AccountSettingsForm
      action={changeDisplayName}
      messages="nameForm"
      success={() => t("account.nameForm.saved")}
      fields={(failure) => (
        <TextField
          id="account-display-name"
          name="displayName"
          label={t("fields.displayName")}
          autoComplete="name"
          maxLength={80}
          required
          defaultValue={failure?.values?.displayName ?? displayName ?? ""}
          errors={failure?.errors.displayName}
        />
      )}
    />
  );
}
