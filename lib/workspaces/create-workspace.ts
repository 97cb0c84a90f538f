import { db, type Executor } from "@/db";
import { findTakenSlugs, insertMembership, insertWorkspace } from "@/db/queries/workspaces";
import { isUniqueViolation } from "@/lib/errors";
import { randomToken } from "@/lib/crypto/tokens";
import { slugify } from "./schemas";

async function pickSlug(name: string, ex: Executor): Promise<string> {
  const base = slugify(name);
  const candidates = [base, ...Array.from({ length: 9 }, (_, i) => `${base}-${i + 2}`)];
  const taken = await findTakenSlugs(candidates, ex);
  return (
    candidates.find((c) => !taken.has(c)) ??
    `${base}-${randomToken(4)
      .toLowerCase()
      .replace(/[^a-z0-9]/g, "x")}`
  );
}

/** Creates a workspace with `ownerId` as its admin. Runs in the caller's transaction when given one. */
export async function createWorkspace(
  input: { name: string; timezone: string; ownerId: string },
  ex?: Executor,
): Promise<{ id: string; slug: string; name: string }> {
  const run = async (tx: Executor) => {
    const slug = await pickSlug(input.name, tx);
    const ws = await insertWorkspace({ slug, name: input.name, timezone: input.timezone }, tx);
    await insertMembership({ workspaceId: ws.id, userId: input.ownerId, role: "admin" }, tx);
    return { id: ws.id, slug: ws.slug, name: ws.name };
  };
  if (ex) return run(ex);
  // Two people naming a workspace alike at the same instant can race for a slug: retry once.
  try {
    return await db().transaction(run);
  } catch (err) {
    if (!isUniqueViolation(err, "workspaces_slug_key")) throw err;
    return db().transaction(run);
  }
}
