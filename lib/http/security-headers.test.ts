import { describe, expect, it } from "vitest";
import { isDecodablePath } from "./security-headers";

describe("isDecodablePath", () => {
  it("accepts ordinary and encoded paths", () => {
    expect(isDecodablePath("/quiz/cmx7l069c00240n7dv5us9j6v")).toBe(true);
    expect(isDecodablePath("/join/%C3%84BC")).toBe(true);
    expect(isDecodablePath("/classes/a%20b")).toBe(true);
  });

  it("refuses malformed escapes and control characters (PostgreSQL refuses a NUL in text: it was a 500)", () => {
    expect(isDecodablePath("/quiz/%ZZ")).toBe(false);
    expect(isDecodablePath("/quiz/%E0%A4%A")).toBe(false);
    expect(isDecodablePath("/api/progress/attempts/%00")).toBe(false);
    expect(isDecodablePath("/classes/%0A")).toBe(false);
    expect(isDecodablePath("/classes/%7F")).toBe(false);
  });
});
