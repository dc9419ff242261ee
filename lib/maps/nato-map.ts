import { createRequire } from "node:module";
import type { Topology } from "topojson-specification";
import { getFactSet } from "../facts/load-fact-sets";
import { type MapAsset, projectMap } from "./project-map";

/** Where the projected map of the NATO fact set is served from (under public/). */
export const mapAssetPath = "public/maps/nato-map.json";

/** The NATO map from Natural Earth's 1:50m shapes: members and their neighbours. */
export function buildNatoMap(): MapAsset {
  const require = createRequire(import.meta.url);
  const topology = require("world-atlas/countries-50m.json") as Topology;
  return projectMap(topology, getFactSet("nato").countries.map((c) => c.id));
}
