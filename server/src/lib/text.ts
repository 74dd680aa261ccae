const MAYBE_UNSTORABLE = /[\0\ud800-\udfff]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Text as PostgreSQL can store it: text and jsonb cannot hold NUL, and JSON cannot carry half a
 * surrogate pair; both only ever arrive from broken files. NUL is dropped and a lone surrogate becomes
 * U+FFFD, as UTF-8 encoding would.
 */
export function storableText(value: string): string {
  // Nearly all text is fine: one scan that allocates nothing decides whether to clean it.
  if (!MAYBE_UNSTORABLE.test(value)) return value;
  return value.replaceAll('\0', '').replace(LONE_SURROGATE, '\ufffd');
}
