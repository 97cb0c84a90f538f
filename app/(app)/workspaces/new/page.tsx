import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { currentUser } from "@/app/_server/auth";
import { Logo } from "@/components/app/logo";
import { NewWorkspaceForm } from "@/components/settings/new-workspace-form";

export async function generateMetadata() {
  return { title: (await getTranslations("workspaceSwitcher"))("new") };
}

export default async function NewWorkspacePage() {
  if (!(await currentUser())) redirect("/sign-in");
  const t = await getTranslations("settings.newWorkspace");
  const tw = await getTranslations("workspaceSwitcher");
  return (
    <main className="flex min-h-full flex-col items-center justify-center px-4 py-12">
      <Logo className="mb-8 text-xl" />
      <div className="w-full max-w-sm rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <h1 className="text-lg font-semibold">{tw("new")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("description")}</p>
        <NewWorkspaceForm timeZones={Intl.supportedValuesOf("timeZone")} />
      </div>
    </main>
  );
}
