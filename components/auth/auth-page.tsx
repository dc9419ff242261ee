import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getSafeRedirectPath, getSessionUser, isAccountUser } from "@/lib/server/session";
import { AuthNotice, AuthPanel } from "./auth-panel";
import { SignInForm } from "./sign-in-form";
import { SignUpForm } from "./sign-up-form";

/** Each page links to the other, keeping where the learner wanted to go (`next`). */
const pages = {
  signIn: { Form: SignInForm, otherPath: "/sign-up", prompt: "signIn.noAccount", link: "signIn.signUpLink" },
  signUp: { Form: SignUpForm, otherPath: "/sign-in", prompt: "signUp.hasAccount", link: "signUp.signInLink" },
} as const;

export type AuthPageKind = keyof typeof pages;

export async function authPageTitle(kind: AuthPageKind): Promise<string> {
  return (await getTranslations("auth"))(`${kind}.title`);
}

/** The sign-in or sign-up page. Someone already signed in goes on to `next` (or the account page). */
export async function AuthPage({ kind, next }: { kind: AuthPageKind; next: string | string[] | undefined }) {
  const nextPath = getSafeRedirectPath(next, "") || undefined;
  const user = await getSessionUser();
  if (isAccountUser(user)) redirect(nextPath ?? "/account");
  const t = await getTranslations("auth");
  const { Form, otherPath, prompt, link } = pages[kind];
  const otherHref = nextPath ? `${otherPath}?next=${encodeURIComponent(nextPath)}` : otherPath;

  return (
    <AuthPanel
      title={t(`${kind}.title`)}
      intro={t(`${kind}.intro`)}
      notice={user?.isGuest ? <AuthNotice>{t(`${kind}.guestNotice`)}</AuthNotice> : null}
      footer={
        <>
          {t(prompt)}{" "}
          <Link href={otherHref} className="font-medium text-brand-700 underline-offset-2 hover:underline">
            {t(link)}
          </Link>
        </>
      }
    >
      <Form next={nextPath} />
    </AuthPanel>
  );
}
