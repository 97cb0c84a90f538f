import { describe, expect, it } from "vitest";
import { CsvStructureError, csvRecords, type TCsvRecord } from "./csv-records";
import { splitOnLines } from "./file-bytes";

async function* pieces(list: Buffer[]) {
  yield* list;
}

async function read(
  file: string | Buffer,
  delimiter = ",",
  pieceBytes = 1 << 20,
): Promise<TCsvRecord[] | string> {
  const out: TCsvRecord[] = [];
  try {
    for await (const r of csvRecords(
      pieces(splitOnLines(Buffer.from(file), pieceBytes)),
      delimiter,
    ))
      out.push(r);
    return out;
  } catch (err) {
    if (err instanceof CsvStructureError) return err.message;
    throw err;
  }
}

describe("csvRecords", () => {
  it("numbers rows as a spreadsheet does, across pieces, with quoted delimiters and line breaks", async () => {
    const file = 'id,note\n1, "a, b" \n2,"two\nlines"\n\n3,"say ""hi"""\n';
    expect(await read(file, ",", 5)).toEqual([
      { row: 1, values: ["id", "note"] },
      { row: 2, values: ["1", "a, b"] },
      { row: 3, values: ["2", "two\nlines"] },
      { row: 4, values: ["3", 'say "hi"'] },
    ]);
    expect(await read("id;n\r\n1;x\r\n", ";")).toEqual([
      { row: 1, values: ["id", "n"] },
      { row: 2, values: ["1", "x"] },
    ]);
  });

  it("names the line of an unclosed quote, a wrong column count, a stray quote and invalid UTF-8", async () => {
    expect(await read('id,n\n1,a\n2,"b\n3,c\n4,d\n')).toBe(
      "Line 3: a quoted field starts in this row and is never closed.",
    );
    expect(await read("id,n\n1,a\n2,b,extra\n")).toBe(
      "Line 3: has 3 columns where the header has 2.",
    );
    expect(await read('id,n\n1,a"b\n')).toMatch(/^Line 2: has a quote inside a field/);
    const latin1 = Buffer.concat([
      Buffer.from("id,n\n1,a\n2,a\n3,caf"),
      Buffer.from([0xe9]),
      Buffer.from("\n"),
    ]);
    expect(await read(latin1, ",", 4)).toBe(
      "Line 4: is not valid UTF-8 text. Save the file as “CSV UTF-8” and upload it again.",
    );
  });
});
