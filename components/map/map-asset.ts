"use client";

import { useEffect, useState } from "react";

/** The projected map as public/maps/*.json holds it (see lib/maps/project-map.ts). */
export interface MapAsset {
  width: number;
  height: number;
  inset: { x: number; y: number; width: number; height: number };
  countries: { id: string; d: string; isMember: boolean; marker?: [number, number]; centre: [number, number] }[];
}

const assets = new Map<string, Promise<MapAsset>>();

/** Fetches a map asset once per page load; every map on the page shares it. */
export function loadMapAsset(url: string): Promise<MapAsset> {
  let promise = assets.get(url);
  if (!promise) {
    promise = fetch(url).then((res) => {
      if (!res.ok) throw new Error(`map asset: ${res.status}`);
      return res.json() as Promise<MapAsset>;
    });
    promise.catch(() => assets.delete(url));
    assets.set(url, promise);
  }
  return promise;
}

/** The asset once loaded, "failed" if it could not be, null while loading. */
export function useMapAsset(url: string): MapAsset | "failed" | null {
  const [asset, setAsset] = useState<MapAsset | "failed" | null>(null);
  useEffect(() => {
    let isCurrent = true;
    loadMapAsset(url)
      .then((loaded) => isCurrent && setAsset(loaded))
      .catch(() => isCurrent && setAsset("failed"));
    return () => {
      isCurrent = false;
    };
  }, [url]);
  return asset;
}
