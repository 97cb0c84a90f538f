import { redirect } from "next/navigation";
import { currentUser } from "@/app/_server/auth";
import { Logo } from "@/components/app/logo";
import { NewWorkspaceForm } from "@/components/settings/new-workspace-form";

export const metadata = { title: "New workspace" };

export default async function NewWorkspacePage() {
  if (!(await currentUser())) redirect("/sign-in");
  return (
    <main className="flex min-h-full flex-col items-center justify-center px-4 py-12">
      <Logo className="mb-8 text-xl" />
      <div className="w-full max-w-sm rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <h1 className="text-lg font-semibold">New workspace</h1>
        <p className="mt-1 text-sm text-slate-600">
          Each workspace has its own contacts, journeys, channels and API keys. You will be its
          admin.
        </p>
        <NewWorkspaceForm timeZones={Intl.supportedValuesOf("timeZone")} />
      </div>
    </main>
  );
}
