import { describe, expect, it } from "vitest";
import de from "./de";
import en from "./en";

function keyPaths(value: unknown, prefix = ""): string[] {
  if (value === null || typeof value !== "object") return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keyPaths(child, prefix ? `${prefix}.${key}` : key));
}

describe("message catalogs", () => {
  it("English has exactly the German keys", () => {
    expect(keyPaths(en).sort()).toEqual(keyPaths(de).sort());
  });

  it("has no empty strings", () => {
    for (const catalog of [de, en]) {
      for (const path of keyPaths(catalog)) {
        const text = path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], catalog);
        expect(String(text).trim(), path).not.toBe("");
      }
    }
  });
});
