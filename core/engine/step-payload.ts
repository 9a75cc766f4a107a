import { sliceCodePoints, storableJson } from '../db/storable.ts';

/** Step input/output are capped so one huge response cannot bloat the database or the UI. */
export const STEP_PAYLOAD_LIMIT = 256 * 1024;
const PREVIEW_CHARS = 4 * 1024;

export interface CappedPayload {
  json: string | null;
  truncated: boolean;
}

/** JSON for a jsonb column: storable (no NUL, no lone surrogate), cut to a preview above `limit`. */
export function capPayload(value: unknown, limit = STEP_PAYLOAD_LIMIT): CappedPayload {
  if (value === undefined) return { json: null, truncated: false };
  let json: string;
  try {
    json = storableJson(value);
  } catch {
    json = storableJson({ __unserializable: true, preview: sliceCodePoints(String(value), PREVIEW_CHARS) });
  }
  const size = Buffer.byteLength(json);
  if (size <= limit) return { json, truncated: false };
  return {
    json: storableJson({
      __truncated: true,
      message: `Данные обрезаны: ${Math.round(size / 1024)} КБ больше предела ${Math.round(limit / 1024)} КБ`,
      sizeBytes: size,
      // The preview is cut from JSON text: it may end inside a \u escape, so it is made storable again.
      preview: sliceCodePoints(json, PREVIEW_CHARS),
    }),
    truncated: true,
  };
}
