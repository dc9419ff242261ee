import type { Metadata } from "next";
import { Fragment } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import { ChangeEmailForm } from "@/components/auth/change-email-form";
import { ChangePasswordForm } from "@/components/auth/change-password-form";
import { DeleteAccountForm } from "@/components/auth/delete-account-form";
import { DisplayNameForm } from "@/components/auth/display-name-form";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { SignOutOthersForm } from "@/components/auth/sign-out-others-form";
import { describeBrowser } from "@/lib/sessions/describe-browser";
import { getCurrentSessionToken, listActiveSessions, requireUser } from "@/lib/server/session";
import { getAccount } from "@/lib/server/users";
import { isMailConfigured } from "@/lib/server/mailer";
import { formatDate } from "@/lib/i18n/format";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.account");
  return { title: t("title") };
}

export default async function AccountPage() {
  const user = await requireUser({ next: "/account" });
  const account = await getAccount(user.id);
  const sessions = await listActiveSessions(user.id, await getCurrentSessionToken());
  const t = await getTranslations("auth");
  const locale = await getLocale();
  const roleName = account.role === "teacher" ? t("roleNames.teacher") : t("roleNames.learner");

  return (
    <div className="grid gap-6">
      <h1 className="text-3xl font-semibold tracking-tight text-slate-900">{t("account.title")}</h1>

      <Card>
        <dl className="grid gap-4 sm:grid-cols-[max-content_1fr] sm:gap-x-8 sm:gap-y-3">
          <div className="grid gap-0.5 sm:contents">
            <dt className="text-sm font-medium text-slate-600">{t("account.name")}</dt>
            <dd className="text-slate-900 wrap-anywhere" data-testid="account-name">
              {account.displayName ?? <span className="text-slate-600">{t("account.noName")}</span>}
            </dd>
          </div>
          <div className="grid gap-0.5 sm:contents">
            <dt className="text-sm font-medium text-slate-600">{t("account.email")}</dt>
            <dd className="text-slate-900 wrap-anywhere" data-testid="account-email">
              <BreakableEmail email={account.email ?? ""} />
            </dd>
          </div>
          <div className="grid gap-0.5 sm:contents">
            <dt className="text-sm font-medium text-slate-600">{t("account.role")}</dt>
            <dd className="text-slate-900" data-testid="account-role">
              {roleName}
            </dd>
          </div>
          <div className="grid gap-0.5 sm:contents">
            <dt className="text-sm font-medium text-slate-600">{t("account.memberSince")}</dt>
            <dd className="text-slate-900">{formatDate(account.createdAt, locale)}</dd>
          </div>
        </dl>
      </Card>

      <section aria-labelledby="name-heading">
        <Card>
          <h2 id="name-heading" className="text-lg font-semibold text-slate-900">
            {t("account.nameForm.title")}
          </h2>
          <p className="mt-1.5 mb-4 text-slate-600">{account.role === "teacher" ? t("account.nameForm.bodyTeacher") : t("account.nameForm.bodyLearner")}</p>
          <DisplayNameForm displayName={account.displayName} />
        </Card>
      </section>

      <section aria-labelledby="email-heading">
        <Card>
          <h2 id="email-heading" className="text-lg font-semibold text-slate-900">
            {t("account.emailForm.title")}
          </h2>
          {isMailConfigured() ? (
            <>
              <p className="mt-1.5 mb-4 text-slate-600">{t("account.emailForm.body")}</p>
              <ChangeEmailForm />
            </>
          ) : (
            <p className="mt-1.5 text-slate-600">{t("account.emailForm.notConfigured")}</p>
          )}
        </Card>
      </section>

      <section aria-labelledby="password-heading">
        <Card>
          <h2 id="password-heading" className="text-lg font-semibold text-slate-900">
            {t("account.passwordForm.title")}
          </h2>
          <p className="mt-1.5 mb-4 text-slate-600">{t("account.passwordForm.body")}</p>
          <ChangePasswordForm />
        </Card>
      </section>

      <section aria-labelledby="sessions-heading">
        <Card>
          <h2 id="sessions-heading" className="text-lg font-semibold text-slate-900">
            {t("account.sessions.title")}
          </h2>
          <p className="mt-1.5 mb-4 text-slate-600">{t("account.sessions.body")}</p>
          <ul className="mb-4 divide-y divide-slate-100 rounded-xl border border-slate-200" data-testid="sessions">
            {sessions.map((row) => {
              const { browser, system } = describeBrowser(row.userAgent);
              const label =
                browser && system ? t("account.sessions.browserOn", { browser, system }) : (browser ?? system ?? t("account.sessions.unknownBrowser"));
              return (
                <li key={row.id} className="flex flex-wrap items-baseline justify-between gap-2 px-4 py-3" data-testid="session-entry" data-current={row.isCurrent || undefined}>
                  <span className="font-medium text-slate-900">
                    {label}
                    {row.isCurrent ? <span className="ml-2 rounded bg-brand-50 px-1.5 py-0.5 text-xs text-brand-800">{t("account.sessions.thisOne")}</span> : null}
                  </span>
                  <span className="text-sm text-slate-600">
                    {t("account.sessions.lastSeen", { date: formatDate(row.lastSeenAt, locale) })}
                  </span>
                </li>
              );
            })}
          </ul>
          {sessions.some((row) => !row.isCurrent) ? <SignOutOthersForm /> : null}
        </Card>
      </section>

      <section aria-labelledby="export-heading">
        <Card>
          <h2 id="export-heading" className="text-lg font-semibold text-slate-900">
            {t("account.export.title")}
          </h2>
          <p className="mt-1.5 text-slate-600">{t("account.export.body")}</p>
          {/* A plain link: the route handler answers with Content-Disposition: attachment. */}
          <a href="/api/account/export" download className={buttonClasses({ variant: "secondary", className: "mt-4" })}>
            <span aria-hidden="true">↓</span> {t("account.export.button")}
          </a>
        </Card>
      </section>

      <section aria-labelledby="delete-heading">
        <Card className="border-red-200">
          <h2 id="delete-heading" className="text-lg font-semibold text-red-800">
            {t("account.delete.title")}
          </h2>
          <p className="mt-1.5 mb-4 text-slate-600">{t("account.delete.body")}</p>
          <DeleteAccountForm />
        </Card>
      </section>
    </div>
  );
}

/** A long address wraps at "@", "." and "-" (word-break opportunities), not mid-word. */
function BreakableEmail({ email }: { email: string }) {
  const parts = email.split(/(?=@)|(?<=[.-])/);
  return parts.map((part, index) => (
    <Fragment key={index}>
      {index > 0 ? <wbr /> : null}
      {part}
    </Fragment>
  ));
}
