/**
 * What the API shows in place of a stored secret prop value (widgets `secret` and
 * `secret-keyvalue`). Sending it back unchanged keeps the stored value; shared with the editor, so
 * both sides agree on what "set, not shown" looks like.
 */
export const SECRET_MASK = '••••••••';

export const isSecretMask = (value: unknown): boolean => value === SECRET_MASK;
