/**
 * Limits a webhook body must respect before it is parsed or stored. Checked on the raw text, so a
 * hostile body costs one linear scan and never a deep recursion (JSON.stringify, PostgreSQL's
 * jsonb and the template engine all recurse).
 */
export const MAX_JSON_DEPTH = 64;
export const MAX_FORM_FIELDS = 20_000;

/** The nesting depth of a JSON text, counting only brackets outside strings; stops past `limit`. */
export function jsonDepthExceeds(raw: string, limit = MAX_JSON_DEPTH): boolean {
  // Most bodies hold fewer brackets than the limit in all: two native scans settle them.
  if (countOf(raw, '{', limit) + countOf(raw, '[', limit) <= limit) return false;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < raw.length; i++) {
    const ch = raw.charCodeAt(i);
    if (inString) {
      if (ch === 92 /* \ */) i++;
      else if (ch === 34 /* " */) inString = false;
    } else if (ch === 34) inString = true;
    else if (ch === 123 /* { */ || ch === 91 /* [ */) {
      if (++depth > limit) return true;
    } else if (ch === 125 /* } */ || ch === 93 /* ] */) depth--;
  }
  return false;
}

/** Occurrences of `ch` in `s`, counting no further than `cap + 1`. */
function countOf(s: string, ch: string, cap: number): number {
  let n = 0;
  for (let i = s.indexOf(ch); i !== -1 && n <= cap; i = s.indexOf(ch, i + 1)) n++;
  return n;
}
