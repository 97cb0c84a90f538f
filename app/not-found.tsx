import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-md px-6 py-24 text-center">
      <p className="text-sm font-semibold text-brand-600">404</p>
      <h1 className="mt-2 text-2xl font-semibold">Nothing here</h1>
      <p className="mt-2 text-slate-600">
        This page does not exist, or you are not a member of the workspace it belongs to.
      </p>
      <Link
        href="/"
        className="mt-6 inline-block text-sm font-medium text-brand-600 hover:underline"
      >
        Back to your workspaces
      </Link>
    </main>
  );
}
