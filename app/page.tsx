import { redirect } from "next/navigation";
import { currentUser } from "@/app/_server/auth";
import { listWorkspacesForUser } from "@/db/queries/workspaces";

export default async function Home() {
  const user = await currentUser();
  if (!user) redirect("/sign-in");
  const [first] = await listWorkspacesForUser(user.id);
  redirect(first ? `/w/${first.slug}/journeys` : "/workspaces/new");
}
