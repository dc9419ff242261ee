import { randomBytes } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { createTranslator } from "next-intl";
import nodemailer, { type Transporter } from "nodemailer";
import { type Locale } from "@/lib/i18n/locales";
import { type MailContent, composeMail } from "@/lib/mail/compose";
import { loadMessages } from "../../messages";

/**
 * Outgoing mail (password reset, e-mail change), over SMTP with nodemailer.
 *
 * - `SMTP_URL` set (`smtp://user:pass@host:587`, `smtps://…:465`): mail goes there, from
 *   `MAIL_FROM`.
 * - no `SMTP_URL`, not a production build: each mail is written as an .eml file to
 *   `.data/outbox/` (open it with any mail program), so reset works while developing.
 * - no `SMTP_URL` in a production build: mail is not set up. Nothing pretends to send; the
 *   forgot-password page says that reset by e-mail is unavailable.
 *
 * Links in mails start with `APP_URL` (the public base URL). Without it a development run
 * uses http://localhost:$PORT; a production build needs it, and without it mail counts as
 * not set up: a link built from the request's Host header could be pointed elsewhere.
 */

type Env = Record<string, string | undefined>;

export type MailConfig =
  | { mode: "smtp"; url: string; from: string; appUrl: string }
  | { mode: "outbox"; directory: string; from: string; appUrl: string }
  | { mode: "disabled" };

export const outboxDirectory = path.join(process.cwd(), ".data", "outbox");
const defaultFrom = "Faktum <faktum@localhost>";

export function getMailConfig(env: Env = process.env): MailConfig {
  const isProduction = env.NODE_ENV === "production";
  const smtpUrl = env.SMTP_URL?.trim();
  const from = env.MAIL_FROM?.trim() || defaultFrom;
  const appUrl = env.APP_URL?.trim().replace(/\/+$/, "") || (isProduction ? "" : `http://localhost:${env.PORT?.trim() || "3000"}`);
  if (!appUrl) return { mode: "disabled" };
  if (smtpUrl) return { mode: "smtp", url: smtpUrl, from, appUrl };
  return isProduction ? { mode: "disabled" } : { mode: "outbox", directory: outboxDirectory, from, appUrl };
}

/** Whether mails can be sent at all (the forgot-password page asks before offering the form). */
export function isMailConfigured(env: Env = process.env): boolean {
  return getMailConfig(env).mode !== "disabled";
}

let smtpTransport: { url: string; transporter: Transporter } | null = null;

function getSmtpTransport(url: string): Transporter {
  if (smtpTransport?.url !== url) smtpTransport = { url, transporter: nodemailer.createTransport(url) };
  return smtpTransport.transporter;
}

export class MailNotConfiguredError extends Error {
  constructor() {
    super("mail is not set up: set SMTP_URL (and APP_URL) to send mail");
    this.name = "MailNotConfiguredError";
  }
}

/** Sends one mail as configured; throws when sending fails or mail is not set up. */
export async function sendMail(to: string, content: MailContent, config: MailConfig = getMailConfig()): Promise<void> {
  if (config.mode === "disabled") throw new MailNotConfiguredError();
  const message = { from: config.from, to, subject: content.subject, text: content.text, html: content.html };
  if (config.mode === "smtp") {
    await getSmtpTransport(config.url).sendMail(message);
    return;
  }
  const info = await nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" }).sendMail(message);
  await mkdir(config.directory, { recursive: true });
  const name = `${new Date().toISOString().replace(/[:.]/g, "-")}-${randomBytes(4).toString("hex")}.eml`;
  await writeFile(path.join(config.directory, name), info.message as Buffer);
}

function getMailTranslator(locale: Locale) {
  return createTranslator({ locale, messages: loadMessages(locale), namespace: "mail" });
}

function greetingFor(t: ReturnType<typeof getMailTranslator>, name: string | null | undefined): string {
  return name ? t("greeting", { name }) : t("greetingNoName");
}

export interface Recipient {
  email: string;
  name?: string | null;
  locale: Locale;
}

function linkTo(config: MailConfig, pathname: string, token: string): string {
  if (config.mode === "disabled") throw new MailNotConfiguredError();
  return `${config.appUrl}${pathname}?token=${encodeURIComponent(token)}`;
}

/** The password-reset mail with its single-use link (30 minutes). */
export async function sendPasswordResetMail(to: Recipient, token: string, config: MailConfig = getMailConfig()): Promise<void> {
  const t = getMailTranslator(to.locale);
  const content = composeMail({
    subject: t("passwordReset.subject"),
    greeting: greetingFor(t, to.name),
    paragraphs: [t("passwordReset.intro", { email: to.email })],
    action: { label: t("passwordReset.action"), url: linkTo(config, "/reset-password", token) },
    after: [t("passwordReset.expiry"), t("passwordReset.ignore")],
    signature: t("signature"),
  });
  await sendMail(to.email, content, config);
}

/** The confirmation link for a new address, sent to that new address. */
export async function sendEmailChangeMail(to: Recipient, token: string, config: MailConfig = getMailConfig()): Promise<void> {
  const t = getMailTranslator(to.locale);
  const content = composeMail({
    subject: t("emailChange.subject"),
    greeting: greetingFor(t, to.name),
    paragraphs: [t("emailChange.intro", { email: to.email })],
    action: { label: t("emailChange.action"), url: linkTo(config, "/account/confirm-email", token) },
    after: [t("emailChange.expiry"), t("emailChange.ignore")],
    signature: t("signature"),
  });
  await sendMail(to.email, content, config);
}

/** Tells the old address that the account's address changed (and to whom). */
export async function sendEmailChangedNotice(to: Recipient, newEmail: string, config: MailConfig = getMailConfig()): Promise<void> {
  const t = getMailTranslator(to.locale);
  const content = composeMail({
    subject: t("emailChanged.subject"),
    greeting: greetingFor(t, to.name),
    paragraphs: [t("emailChanged.intro", { oldEmail: to.email, newEmail }), t("emailChanged.warning")],
    signature: t("signature"),
  });
  await sendMail(to.email, content, config);
}
