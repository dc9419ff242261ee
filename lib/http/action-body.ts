/**
 * Whether a server action's body is a reply React can decode. React's decoder throws on a
 * root that is no argument list, or on a reference ("$@1", "$Q2" …) to a part the body does
 * not have ("Connection closed"), and Next turns that into a 500. This check, run first (see
 * proxy.ts), makes those a 400. It accepts what React's own `encodeReply` sends for this app's
 * actions: plain JSON values, inline-encoded values (`$$`, `$u`, `$D…`, `$n…`, `$NaN` …) and,
 * in multipart bodies, references to parts that are present.
 */
export function isDecodableActionReply(root: string, parts: ReadonlySet<string> = new Set()): boolean {
  let value: unknown;
  try {
    value = JSON.parse(root);
  } catch {
    return false;
  }
  return Array.isArray(value) && referencesResolve(value, parts, 0);
}

const inlineValue = /^\$(\$|u|D|n|NaN$|Infinity$|-Infinity$|-0$)/;
/** `$K<id>`: the FormData made of the parts named `<id>_…`; none of them is an empty FormData. */
const formDataReference = /^\$K[0-9a-f]+$/;
const partReference = /^\$[A-Za-z@]([0-9a-f]+)$/;

function referencesResolve(value: unknown, parts: ReadonlySet<string>, depth: number): boolean {
  if (depth > 64) return false;
  if (typeof value === "string") {
    if (!value.startsWith("$") || inlineValue.test(value) || formDataReference.test(value)) return true;
    const id = partReference.exec(value)?.[1];
    return id !== undefined && parts.has(String(parseInt(id, 16)));
  }
  if (Array.isArray(value)) return value.every((item) => referencesResolve(item, parts, depth + 1));
  if (value && typeof value === "object") return Object.values(value).every((item) => referencesResolve(item, parts, depth + 1));
  return true;
}

/**
 * Whether a multipart action body (an action called with a FormData among its arguments) is
 * one React can decode: its root, the part named "0", is a decodable argument list whose
 * references name parts that are there. Without a root React's decoder throws ("Connection
 * closed"): a 500 again, not a refusal.
 */
export function isDecodableActionForm(form: FormData): boolean {
  const root = form.get("0");
  if (typeof root !== "string") return false;
  const parts = new Set([...form.keys()].filter((key) => /^\d+$/.test(key)));
  return isDecodableActionReply(root, parts);
}
