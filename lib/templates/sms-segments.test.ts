import { describe, expect, it } from "vitest";
import { countSmsSegments } from "./sms-segments";

const seg = (text: string) => countSmsSegments(text);

describe("countSmsSegments", () => {
  it("GSM-7: 160 in one, 153 per part after", () => {
    expect(seg("")).toMatchObject({ encoding: "GSM-7", characters: 0, units: 0, segments: 0 });
    expect(seg("a".repeat(160))).toMatchObject({
      encoding: "GSM-7",
      units: 160,
      segments: 1,
      perSegment: 160,
      remaining: 0,
    });
    expect(seg("a".repeat(161))).toMatchObject({
      units: 161,
      segments: 2,
      perSegment: 153,
      remaining: 145,
    });
    expect(seg("a".repeat(306))).toMatchObject({ segments: 2, remaining: 0 });
    expect(seg("a".repeat(307))).toMatchObject({ segments: 3, remaining: 152 });
    expect(seg("Olà Zoé, ¿qué tal? £5 @ Ü ñ")).toMatchObject({ encoding: "GSM-7" });
  });

  it("GSM-7 extension characters count two and never straddle parts", () => {
    expect(seg("€[]{}^~|\\")).toMatchObject({ encoding: "GSM-7", characters: 9, units: 18 });
    expect(seg("a".repeat(158) + "€")).toMatchObject({ units: 160, segments: 1 });
    expect(seg("a".repeat(159) + "€")).toMatchObject({ units: 161, segments: 2 });
    // 152 + an escape pair: the pair moves whole into part two.
    expect(seg("a".repeat(152) + "€" + "a".repeat(10))).toMatchObject({
      units: 164,
      segments: 2,
      remaining: 153 - 12,
    });
  });

  it("UCS-2: 70 in one, 67 per part, emoji as surrogate pairs", () => {
    expect(seg("ж".repeat(70))).toMatchObject({
      encoding: "UCS-2",
      units: 70,
      segments: 1,
      remaining: 0,
      nonGsmCharacters: ["ж"],
    });
    expect(seg("ж".repeat(71))).toMatchObject({ units: 71, segments: 2, perSegment: 67 });
    expect(seg("ж".repeat(134))).toMatchObject({ segments: 2, remaining: 0 });
    expect(seg("ж".repeat(135))).toMatchObject({ segments: 3 });
    expect(seg("😀".repeat(35))).toMatchObject({
      encoding: "UCS-2",
      characters: 35,
      units: 70,
      segments: 1,
    });
    expect(seg("😀".repeat(36))).toMatchObject({ characters: 36, units: 72, segments: 2 });
    // 66 units then a pair: it does not split, so part one holds 66.
    expect(seg("ж".repeat(66) + "😀" + "ж".repeat(3))).toMatchObject({
      units: 71,
      segments: 2,
      remaining: 67 - 5,
    });
    expect(seg("Hi 😀").nonGsmCharacters).toEqual(["😀"]);
    expect(seg("a".repeat(159) + "ç")).toMatchObject({ encoding: "UCS-2", segments: 3 }); // ç is not GSM-7 (Ç is)
  });
});
