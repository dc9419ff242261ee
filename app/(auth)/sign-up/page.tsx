import type { Metadata } from "next";
import { AuthPage, authPageTitle } from "@/components/auth/auth-page";

export async function generateMetadata(): Promise<Metadata> {
  return { title: await authPageTitle("signUp") };
}

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  return <AuthPage kind="signUp" next={(await searchParams).next} />;
}
