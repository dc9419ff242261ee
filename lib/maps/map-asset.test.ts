import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { getFactSet } from "../facts/load-fact-sets";
import { buildNatoMap, mapAssetPath } from "./nato-map";

describe("the projected NATO map asset", () => {
  const committed = readFileSync(mapAssetPath, "utf8");

  it("is what the generator writes (run `npx tsx scripts/build-map.ts` after changing it)", () => {
    expect(committed).toBe(`${JSON.stringify(buildNatoMap())}\n`);
  });

  it("stays within 100 kB gzipped", () => {
    expect(gzipSync(committed).length).toBeLessThanOrEqual(100_000);
  });

  it("draws every member, clickable, with a tap marker for the tiny ones", () => {
    const asset = buildNatoMap();
    const members = getFactSet("nato").countries.map((c) => c.id).sort();
    const drawn = asset.countries.filter((c) => c.isMember);
    expect(drawn.map((c) => c.id).sort()).toEqual(members);
    for (const country of drawn) {
      expect(country.d, country.id).toMatch(/^M-?\d/);
      const [x, y] = country.marker ?? country.centre;
      expect(x >= 0 && x <= asset.width && y >= 0 && y <= asset.height, `${country.id} off the map`).toBe(true);
    }
    expect(drawn.find((c) => c.id === "LU")?.marker).toBeDefined();
    expect(drawn.find((c) => c.id === "IS")?.marker).toBeUndefined();
    expect(asset.countries.some((c) => !c.isMember)).toBe(true);
  });
});

describe("mapAssetUrls", () => {
  it("points at the file the generator writes", async () => {
    const { mapAssetUrlFor } = await import("./map-assets");
    expect(`public${mapAssetUrlFor("nato")}`).toBe(mapAssetPath);
    expect(mapAssetUrlFor("constructor")).toBeUndefined();
    expect(mapAssetUrlFor("eu")).toBeUndefined();
  });
});
