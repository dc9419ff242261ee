import { signOut } from "@/app/(auth)/actions";

/** Sign-out is a POST (a form), never a link: a prefetch or an image tag can't sign anyone out. */
export function SignOutButton({ label }: { label: string }) {
  return (
    <form action={signOut}>
      <button type="submit" className="rounded-md px-2 py-1 font-medium text-slate-600 hover:bg-slate-100 hover:text-slate-900">
        {label}
      </button>
    </form>
  );
}
