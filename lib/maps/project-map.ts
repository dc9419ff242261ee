import { geoConicConformal, geoPath } from "d3-geo";
import type { GeoPermissibleObjects } from "d3-geo";
import countries from "i18n-iso-countries";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";

/**
 * Projects Natural Earth country shapes (world-atlas TopoJSON) ahead of time into SVG path
 * strings, so the browser draws the map without any projection work. Pure: the same topology
 * and members give the same asset, which `map-asset.test.ts` checks against the committed file.
 *
 * Layout (one SVG, 1000 × 760 units): Europe with Iceland and Turkey in the main frame, and
 * North America (Canada, the United States) in an inset at the top left. States too small to
 * tap on a phone get a marker circle (`marker`) that is clickable too.
 */

export interface MapCountry {
  /** ISO 3166-1 alpha-2. */
  id: string;
  /** SVG path, in map units. */
  d: string;
  /** Whether the country is in the fact set (members are clickable). */
  isMember: boolean;
  /** Centre of a tap marker, for states too small to tap on a phone. */
  marker?: [number, number];
  /** Label anchor (centroid), in map units. */
  centre: [number, number];
}

export interface MapAsset {
  width: number;
  height: number;
  /** The inset's frame, drawn as a box. */
  inset: { x: number; y: number; width: number; height: number };
  countries: MapCountry[];
}

export const mapWidth = 1000;
export const mapHeight = 760;
const inset = { x: 8, y: 8, width: 250, height: 190 };
/** Projected area (map units²) below which a state gets a tap marker. */
const markerArea = 900;

type Feature = { type: "Feature"; id?: string | number; properties: { name?: string }; geometry: GeoPermissibleObjects };

/** Builds the asset from a world-atlas topology; `memberIds` are alpha-2 codes. */
export function projectMap(topology: Topology, memberIds: readonly string[]): MapAsset {
  const members = new Set(memberIds);
  const collection = feature(topology, topology.objects.countries as GeometryCollection) as unknown as { features: Feature[] };
  const withIds = collection.features.flatMap((f) => {
    const id = f.id === undefined ? undefined : countries.numericToAlpha2(String(f.id).padStart(3, "0"));
    return id ? [{ id, feature: f }] : [];
  });

  // Europe: a conic projection fitted to a box from Iceland to the Caucasus.
  const europe = geoConicConformal().rotate([-15, 0]).parallels([40, 65]);
  europe.fitExtent(
    [
      [0, 0],
      [mapWidth, mapHeight],
    ],
    { type: "MultiPoint", coordinates: [[-24, 63], [45, 36], [-10, 36], [42, 70], [-24, 36]] } as GeoPermissibleObjects,
  );
  europe.clipExtent([
    [0, 0],
    [mapWidth, mapHeight],
  ]);
  const northAmerica = geoConicConformal().rotate([100, 0]).parallels([30, 60]);
  northAmerica.fitExtent(
    [
      [inset.x + 6, inset.y + 6],
      [inset.x + inset.width - 6, inset.y + inset.height - 6],
    ],
    { type: "MultiPoint", coordinates: [[-130, 24], [-60, 24], [-140, 70], [-55, 60]] } as GeoPermissibleObjects,
  );
  northAmerica.clipExtent([
    [inset.x, inset.y],
    [inset.x + inset.width, inset.y + inset.height],
  ]);

  const isNorthAmerican = (id: string) => id === "US" || id === "CA";
  const result: MapCountry[] = [];
  for (const { id, feature: f } of withIds) {
    if (id === "GL" && !members.has(id)) continue; // Greenland would cover the inset.
    const projection = isNorthAmerican(id) ? northAmerica : europe;
    const path = geoPath(projection);
    const d = compactPath(path(f.geometry) ?? "");
    if (!d) continue;
    if (!isNorthAmerican(id) && !members.has(id) && !isNearEurope(path.centroid(f.geometry))) continue;
    const [cx, cy] = path.centroid(f.geometry).map((v) => Math.round(v)) as [number, number];
    const area = path.area(f.geometry);
    result.push({
      id,
      d,
      isMember: members.has(id),
      centre: [cx, cy],
      ...(members.has(id) && area < markerArea ? { marker: [cx, cy] as [number, number] } : {}),
    });
  }
  result.sort((a, b) => a.id.localeCompare(b.id));
  return { width: mapWidth, height: mapHeight, inset, countries: result };
}

function isNearEurope([x, y]: [number, number]): boolean {
  return Number.isFinite(x) && x > -100 && x < mapWidth + 100 && y > -100 && y < mapHeight + 100;
}

/** Rounds coordinates to whole units and drops points that round onto the previous one. */
function compactPath(d: string): string {
  return d
    .split("Z")
    .map((ring) => {
      const points = ring
        .replace(/^M/, "")
        .split("L")
        .filter(Boolean)
        .map((pair) => pair.split(",").map((v) => Math.round(Number(v))));
      const kept: number[][] = [];
      for (const p of points) {
        const last = kept[kept.length - 1];
        if (!last || last[0] !== p[0] || last[1] !== p[1]) kept.push(p);
      }
      if (kept.length < 3) return "";
      return `M${kept.map((p) => p.join(",")).join("L")}Z`;
    })
    .join("");
}
