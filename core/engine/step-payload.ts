/** Step input/output are capped so one huge response cannot bloat the database or the UI. */
export const STEP_PAYLOAD_LIMIT = 256 * 1024;
const PREVIEW_CHARS = 4 * 1024;

export interface CappedPayload {
  json: string | null;
  truncated: boolean;
}

export function capPayload(value: unknown, limit = STEP_PAYLOAD_LIMIT): CappedPayload {
  if (value === undefined) return { json: null, truncated: false };
  let json: string;
  try {
    json = JSON.stringify(value) ?? 'null';
  } catch {
    json = JSON.stringify({ __unserializable: true, preview: String(value).slice(0, PREVIEW_CHARS) });
  }
  // Postgres jsonb refuses \u0000; replace it rather than failing the step.
  if (json.includes('\\u0000')) json = json.replaceAll('\\u0000', '\\uFFFD');
  if (Buffer.byteLength(json) <= limit) return { json, truncated: false };
  return {
    json: JSON.stringify({
      __truncated: true,
      message: `Данные обрезаны: ${Math.round(Buffer.byteLength(json) / 1024)} КБ больше предела ${Math.round(limit / 1024)} КБ`,
      sizeBytes: Buffer.byteLength(json),
      preview: json.slice(0, PREVIEW_CHARS),
    }),
    truncated: true,
  };
}
