import { describe, expect, it } from "vitest";
import { detectDelimiter } from "./detect-delimiter";
import { countRecords, firstInvalidUtf8, notCsvReason, splitOnLines, stripBom } from "./file-bytes";

describe("file bytes", () => {
  it("strips a UTF-8 byte-order mark and nothing else", () => {
    expect(stripBom(Buffer.from("\uFEFFid,email\n")).toString()).toBe("id,email\n");
    expect(stripBom(Buffer.from("id\n")).toString()).toBe("id\n");
  });

  it("recognises spreadsheets, PDFs and binaries that are not CSV", () => {
    expect(notCsvReason(Buffer.from("PK\u0003\u0004rest"))).toMatch(/xlsx/);
    expect(notCsvReason(Buffer.from("%PDF-1.7"))).toMatch(/PDF/);
    expect(notCsvReason(Buffer.from([0x61, 0x00, 0x62]))).toMatch(/binary/);
    expect(notCsvReason(Buffer.from("id,email\n1,a@b.c\n"))).toBeNull();
  });

  it("splits into pieces that end on line breaks and add up to the file", () => {
    const file = Buffer.from(
      Array.from({ length: 100 }, (_, i) => `row-${i},é${"x".repeat(i % 7)}\n`).join(""),
    );
    const pieces = splitOnLines(file, 64);
    expect(Buffer.concat(pieces).equals(file)).toBe(true);
    expect(pieces.length).toBeGreaterThan(10);
    for (const p of pieces) expect(p.at(-1)).toBe(0x0a);
    expect(splitOnLines(Buffer.from("no newline at all"), 4)).toHaveLength(1);
  });

  it("counts records outside quotes, ignoring blank lines and a missing final newline", () => {
    expect(countRecords(Buffer.from('a,b\r\n1,"x\ny"\n\n2,z'))).toBe(3);
    expect(countRecords(Buffer.from(""))).toBe(0);
  });

  it("finds the first byte that is not UTF-8", () => {
    expect(firstInvalidUtf8(Buffer.from("héllo ✓ 😀"))).toBe(-1);
    expect(firstInvalidUtf8(Buffer.from([0x61, 0x62, 0xe9, 0x63]))).toBe(2); // Latin-1 é
    expect(firstInvalidUtf8(Buffer.from([0x61, 0xe2, 0x9c]))).toBe(1); // truncated ✓
  });

  it("detects , ; and tab from the header, outside quotes", () => {
    expect(detectDelimiter("id,email,phone\n1;2;3;4;5")).toBe(",");
    expect(detectDelimiter("id;email;phone\n")).toBe(";");
    expect(detectDelimiter("id\temail\n")).toBe("\t");
    expect(detectDelimiter('"a;b;c",d\n')).toBe(",");
    expect(detectDelimiter("user_id\n")).toBe(",");
  });
});
