/**
 * Which messages reach the browser. Client components get only the message namespaces they
 * use: the root layout sends what the site header and the error page need (`rootClientNamespaces`),
 * and each page's layout adds its own client components' namespaces (components/layout/client-messages.tsx).
 * messages/client-namespaces.test.ts follows every page's imports and fails when a client
 * component would miss a namespace. Server components translate on the server and need none.
 */
export const rootClientNamespaces = ["common.error", "common.languageNames", "progress.nav", "flashcards.nav", "classes.nav"] as const;

type Tree = { [key: string]: Tree | string };

/** The parts of `messages` at the dotted `paths` ("quiz.play", "flashcards.nav"), in their place in the tree. */
export function pickMessages(messages: Tree, paths: readonly string[]): Tree {
  const picked: Tree = {};
  for (const path of paths) {
    const keys = path.split(".");
    let source: Tree | string | undefined = messages;
    for (const key of keys) source = typeof source === "object" ? source[key] : undefined;
    if (source === undefined) throw new Error(`no messages at "${path}"`);
    let target = picked;
    for (const key of keys.slice(0, -1)) {
      const next = target[key];
      target = typeof next === "object" ? next : (target[key] = {});
    }
    target[keys[keys.length - 1]!] = source;
  }
  return picked;
}
