/**
 * HTTP responses of the CSV export routes (app/api/classes/[classId]/export/…). The CSV text
 * is built by lib/assignments/csv.ts (BOM, quoting, CRLF, formula defusing).
 */

export function csvResponse(csv: string, fileName: string): Response {
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${fileName}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
