/**
 * Writes the projected map asset (public/maps/nato-map.json) from world-atlas:
 *   npx tsx scripts/build-map.ts
 * The committed file must equal what this writes (lib/maps/map-asset.test.ts checks it).
 */
import { writeFileSync, mkdirSync } from "node:fs";
import { buildNatoMap, mapAssetPath } from "../lib/maps/nato-map";

mkdirSync("public/maps", { recursive: true });
writeFileSync(mapAssetPath, `${JSON.stringify(buildNatoMap())}\n`);
process.stdout.write(`wrote ${mapAssetPath}\n`);
