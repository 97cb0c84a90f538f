import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { currentUser } from "@/app/_server/auth";
import { insertUser } from "@/db/queries/users";
import { insertMembership } from "@/db/queries/workspaces";
import { makeTenant } from "@/db/testing/fixtures";
import { useTestDb } from "@/db/testing/test-db";
import { CONTACT_MAPPING, contactsCsv } from "@/lib/imports/testing/contacts-csv";
import { runQueue } from "@/lib/imports/testing/run-queue";
import { GET as getImport } from "./[importId]/route";
import { GET as getErrors } from "./[importId]/errors.csv/route";
import { GET as getPreview } from "./[importId]/preview/route";
import { POST as start } from "./[importId]/start/route";
import { GET as list, POST as upload } from "./route";

// The session is the one thing these tests fake: who is signed in.
vi.mock("@/app/_server/auth", () => ({ currentUser: vi.fn() }));

let close: () => Promise<void>;
let t: Awaited<ReturnType<typeof makeTenant>>;
const people: Record<"marketer" | "analyst", { id: string; email: string; name: string }> =
  {} as never;
beforeAll(async () => {
  ({ close } = await useTestDb());
  t = await makeTenant("Routes");
  for (const role of ["marketer", "analyst"] as const) {
    people[role] = await insertUser({
      email: `${role}-${t.workspace.slug}@example.com`,
      name: role,
      passwordHash: "x",
    });
    await insertMembership({ workspaceId: t.workspace.id, userId: people[role].id, role });
  }
});
afterAll(() => close());

const as = (role: "marketer" | "analyst") =>
  vi.mocked(currentUser).mockResolvedValue(people[role] as never);
const url = (path = "") => `http://127.0.0.1/api/w/${t.workspace.slug}/contacts/imports${path}`;
const params = () => ({ params: Promise.resolve({ workspace: t.workspace.slug }) });
const forImport = (importId: string) => ({
  params: Promise.resolve({ workspace: t.workspace.slug, importId }),
});

function multipart(file: string, name = "contacts.csv", headers: Record<string, string> = {}) {
  const form = new FormData();
  form.append("file", new File([file], name, { type: "text/csv" }));
  return new NextRequest(url(), { method: "POST", body: form, headers });
}
const json = async (res: Response) => ({ status: res.status, body: await res.json() });

describe("/api/w/[workspace]/contacts/imports", () => {
  let importId: string;

  it("takes a marketer's multipart upload and answers the preview", async () => {
    as("marketer");
    const res = await json(await upload(multipart(contactsCsv(25, { 4: "email" })), params()));
    expect(res.status).toBe(201);
    expect(res.body.import).toMatchObject({
      status: "uploaded",
      fileName: "contacts.csv",
      totalRows: 25,
    });
    expect(res.body.header).toHaveLength(10);
    expect(res.body.rows).toHaveLength(20);
    expect(res.body.suggestedMapping.columns[0]).toEqual({ kind: "userId" });
    importId = res.body.import.id;
  });

  it("refuses analysts, other content types, other sites and oversized files", async () => {
    as("analyst");
    expect((await upload(multipart("id\n1\n"), params())).status).toBe(403);
    as("marketer");
    const notMultipart = new NextRequest(url(), {
      method: "POST",
      body: "id\n1\n",
      headers: { "content-type": "text/csv" },
    });
    expect((await json(await upload(notMultipart, params()))).body.error.fields).toEqual({
      file: "Send the file as multipart/form-data, in a field named file",
    });
    expect(
      (await upload(multipart("id\n1\n", "x.csv", { "sec-fetch-site": "cross-site" }), params()))
        .status,
    ).toBe(403);
    const huge = new NextRequest(url(), {
      method: "POST",
      body: "x",
      headers: {
        "content-type": "multipart/form-data; boundary=x",
        "content-length": String(500 * 1024 * 1024),
      },
    });
    expect(await json(await upload(huge, params()))).toMatchObject({
      status: 413,
      body: { error: { code: "payload_too_large", message: "The file is larger than 100 MB" } },
    });
    expect(
      (await json(await upload(multipart("", "empty.csv"), params()))).body.error.fields,
    ).toEqual({ file: "The file is empty." });
  });

  it("previews a mapping, then starts with a valid one and refuses a bad one by field", async () => {
    const preview = await getPreview(
      new NextRequest(
        url(
          `/${importId}/preview?columns=${encodeURIComponent(JSON.stringify(CONTACT_MAPPING.columns))}`,
        ),
      ),
      forImport(importId),
    );
    const rows = (await preview.json()).rows;
    expect(rows[2]).toMatchObject({ row: 4, ok: false });
    as("analyst");
    expect(
      (
        await getPreview(
          new NextRequest(url(`/${importId}/preview?columns=[]`)),
          forImport(importId),
        )
      ).status,
    ).toBe(403);

    as("marketer");
    const post = (body: unknown) =>
      start(
        new NextRequest(url(`/${importId}/start`), {
          method: "POST",
          body: JSON.stringify(body),
          headers: { "content-type": "application/json" },
        }),
        forImport(importId),
      );
    const bad = await json(
      await post({
        mapping: { columns: [{ kind: "userId" }, { kind: "attribute", name: "", type: "text" }] },
      }),
    );
    expect(bad).toMatchObject({
      status: 400,
      body: { error: { fields: { "mapping.columns.1.name": "attribute names cannot be empty" } } },
    });
    expect(
      (await json(await post({ mapping: { columns: [{ kind: "ignore" }] } }))).body.error.fields,
    ).toEqual({ "mapping.columns": "map one column to User ID" });
    expect((await post({ mapping: CONTACT_MAPPING })).status).toBe(202);
    expect((await post({ mapping: CONTACT_MAPPING })).status).toBe(409);
  });

  it("lets analysts follow progress, list imports and download the error report", async () => {
    await runQueue();
    as("analyst");
    const status = await json(
      await getImport(new NextRequest(url(`/${importId}`)), forImport(importId)),
    );
    expect(status.body.import).toMatchObject({
      status: "completed",
      importedRows: 24,
      failedRows: 1,
      progress: { done: 25, total: 25, percent: 100 },
    });
    expect(
      (await json(await list(new NextRequest(url()), params()))).body.imports[0],
    ).toMatchObject({ id: importId, status: "completed", createdByName: "marketer" });

    const report = await getErrors(
      new NextRequest(url(`/${importId}/errors.csv`)),
      forImport(importId),
    );
    expect(report.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(report.headers.get("content-disposition")).toBe(
      'attachment; filename="contacts-errors.csv"',
    );
    const lines = (await report.text()).trim().split("\n");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^4,email,email: must be a valid email address,u-3,not-an-email,/);
    expect(
      (await getImport(new NextRequest(url("/not-a-uuid")), forImport("not-a-uuid"))).status,
    ).toBe(404);
  });
});
