import type { Metadata } from "next";
import { AuthPage, authPageTitle } from "@/components/auth/auth-page";

export async function generateMetadata(): Promise<Metadata> {
  return { title: await authPageTitle("signIn") };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  return <AuthPage kind="signIn" next={(await searchParams).next} />;
}
