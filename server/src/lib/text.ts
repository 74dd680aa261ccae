const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Text as PostgreSQL can store it: text and jsonb cannot hold NUL, and JSON cannot carry half a
 * surrogate pair; both only ever arrive from broken files. NUL is dropped and a lone surrogate becomes
 * U+FFFD, as UTF-8 encoding would.
 */
export function storableText(value: string): string {
  return value.replaceAll('\0', '').replace(LONE_SURROGATE, '\ufffd');
}
