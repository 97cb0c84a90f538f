import type { APIRequestContext } from "@playwright/test";
import { sql } from "./helpers";

/**
 * The app's pages, shared by the specs that walk them (screenshots, roles, accessibility), so a
 * page added here is shot, role-checked and scanned. Paths are under /w/<workspace>/.
 */
export const AREA_PAGES = [
  "journeys",
  "campaigns",
  "segments",
  "templates",
  "contacts",
  "dashboards",
];
export const SETTINGS_PAGES = ["settings", "settings/members", "settings/api-keys", "settings/api"];

/** The rest of the list pages, the create pages and the other settings tabs. */
export const MORE_PAGES = [
  "journeys/runs",
  "campaigns/new",
  "campaigns/calendar",
  "segments/new",
  "contacts/imports",
  "contacts/imports/new",
  "messages",
  "outbox",
  "dashboards/journeys",
  "dashboards/segments",
  "dashboards/templates",
  "settings/channels",
  "settings/campaigns",
  "settings/data",
  "settings/system",
];

/**
 * One of each detail page, on the demo workspace's own rows (the first id of each kind): a row the
 * seed does not make (a campaign run, an import, a journey run) leaves its page out.
 */
const DETAIL_PAGES: [string, string][] = [
  ["journeys/{id}", "select id from journeys where workspace_id = $1 order by id"],
  ["dashboards/journeys/{id}", "select id from journeys where workspace_id = $1 order by id"],
  ["campaigns/{id}", "select id from campaigns where workspace_id = $1 order by id"],
  ["campaigns/runs/{id}", "select id from campaign_runs where workspace_id = $1 order by id"],
  ["segments/{id}", "select id from segments where workspace_id = $1 order by id"],
  ["templates/{id}", "select id from templates where workspace_id = $1 order by id"],
  ["contacts/{id}", "select id from contacts where workspace_id = $1 order by id"],
  ["contacts/imports/{id}", "select id from contact_imports where workspace_id = $1 order by id"],
  ["messages/{id}", "select id from messages where workspace_id = $1 order by id"],
  ["journeys/runs/{id}", "select id from journey_entries where workspace_id = $1 order by id"],
];

export async function detailPages(request: APIRequestContext, slug = "demo") {
  const [ws] = await sql<{ id: string }>(request, "select id from workspaces where slug = $1", [
    slug,
  ]);
  const pages: string[] = [];
  for (const [path, query] of DETAIL_PAGES) {
    const [row] = await sql<{ id: string }>(request, `${query} limit 1`, [ws!.id]);
    if (row) pages.push(path.replace("{id}", row.id));
  }
  return pages;
}
