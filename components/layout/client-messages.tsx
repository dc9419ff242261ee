import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import { pickMessages, rootClientNamespaces } from "@/messages/client-namespaces";

/**
 * Gives the client components below it only the message namespaces they use (plus the site
 * header's): a provider replaces the one above it, so list everything the page's client
 * components need (messages/client-namespaces.test.ts checks the lists).
 */
export async function ClientMessages({ namespaces, children }: { namespaces: readonly string[]; children: React.ReactNode }) {
  const messages = (await getMessages()) as Parameters<typeof pickMessages>[0];
  return <NextIntlClientProvider messages={pickMessages(messages, [...rootClientNamespaces, ...namespaces])}>{children}</NextIntlClientProvider>;
}
