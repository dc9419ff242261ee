import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/**
 * False while rendering on the server and hydrating, true once the component runs in the
 * browser. Marks interactive widgets (`data-hydrated`) so tests, and styles, can tell a
 * live form from its server-rendered shell.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
