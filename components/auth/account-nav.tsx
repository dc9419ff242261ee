import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getSessionUser, isAccountUser } from "@/lib/server/session";
import { SignOutButton } from "./sign-out-button";

const linkClasses = "rounded-md px-2 py-1 font-medium text-slate-600 hover:bg-slate-100 hover:text-slate-900";

/**
 * The header's account corner: the account link and sign-out for a signed-in user; sign-in
 * and sign-up for everyone else (guests included: they have no account yet).
 */
export async function AccountNav() {
  const [t, user] = await Promise.all([getTranslations("auth.nav"), getSessionUser()]);
  if (isAccountUser(user)) {
    return (
      <div className="flex items-center gap-1">
        {/* "Konto", not the address: the header is shared with every feature's links and an
            email does not fit it. The address is in the tooltip and on the account page. */}
        <Link href="/account" className={linkClasses} title={t("accountOf", { email: user.email })} data-testid="account-link">
          {t("account")}
        </Link>
        <SignOutButton label={t("signOut")} />
      </div>
    );
  }
  return (
    <div className="flex items-center gap-1">
      <Link href="/sign-in" className={linkClasses}>
        {t("signIn")}
      </Link>
      <Link href="/sign-up" className="rounded-md bg-brand-600 px-2.5 py-1 font-medium text-white hover:bg-brand-700">
        {t("signUp")}
      </Link>
    </div>
  );
}
