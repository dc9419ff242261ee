/**
 * Builds a mail's plain-text and HTML bodies from already translated sentences. Every piece
 * of text is escaped for HTML, and the one link is shown in full in both bodies, so a reader
 * whose client strips links can still copy it.
 */
export interface MailContent {
  subject: string;
  text: string;
  html: string;
}

export interface MailParts {
  subject: string;
  greeting: string;
  paragraphs: string[];
  action?: { label: string; url: string };
  /** Sentences after the link (expiry, "not you?"). */
  after?: string[];
  signature: string;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

export function composeMail({ subject, greeting, paragraphs, action, after = [], signature }: MailParts): MailContent {
  const textBlocks = [greeting, ...paragraphs, ...(action ? [`${action.label}:\n${action.url}`] : []), ...after, signature];
  const p = (text: string) => `<p style="margin:0 0 16px">${escapeHtml(text)}</p>`;
  const button = action
    ? `<p style="margin:0 0 16px"><a href="${escapeHtml(action.url)}" style="display:inline-block;background:#1d4ed8;color:#ffffff;padding:10px 18px;border-radius:8px;text-decoration:none;font-weight:600">${escapeHtml(action.label)}</a></p>` +
      `<p style="margin:0 0 16px;font-size:13px;color:#475569;word-break:break-all">${escapeHtml(action.url)}</p>`
    : "";
  const html =
    `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>` +
    `<body style="font-family:system-ui,-apple-system,'Segoe UI',sans-serif;font-size:16px;line-height:1.5;color:#0f172a;max-width:560px;margin:0 auto;padding:24px">` +
    [greeting, ...paragraphs].map(p).join("") +
    button +
    after.map(p).join("") +
    p(signature) +
    `</body></html>`;
  return { subject, text: textBlocks.join("\n\n") + "\n", html };
}
