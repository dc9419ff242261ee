import { ClientMessages } from "@/components/layout/client-messages";

/** Sends this page's client components only their message namespaces (see messages/client-namespaces.ts). */
export default function Layout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={["classes.gradebook", "classes.invite"]}>{children}</ClientMessages>;
}
