/**
 * The projected map of each fact set that has one, by fact set id, as served from public/
 * (built by scripts/build-map.ts; lib/maps/nato-map.ts names the file it writes). A fact set
 * without an entry has no enlargement map page and no locator map.
 */
export const mapAssetUrls: Readonly<Record<string, string>> = { nato: "/maps/nato-map.json" };

/** The URL of a fact set's map asset, or undefined. */
export function mapAssetUrlFor(factSetId: string): string | undefined {
  return Object.hasOwn(mapAssetUrls, factSetId) ? mapAssetUrls[factSetId] : undefined;
}
