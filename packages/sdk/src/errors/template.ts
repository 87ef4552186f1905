// Variable parts of error messages, in the order they are replaced (each pattern sees the
// text left by the earlier ones, so a URL is not also read as a path and numbers).
const PATTERNS: readonly [RegExp, string][] = [
  [/\b[a-z][a-z0-9+.-]*:\/\/[^\s'"`<>)]+/gi, "<url>"],
  [/\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b/g, "<email>"],
  [/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, "<uuid>"],
  [/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`/g, "<str>"],
  // A quoted value cut by the runtime (V8's JSON.parse: `"<html>"... is not valid JSON`).
  [/<str>(?:\.\.\.|…)/g, "<str>"],
  [/\b\d{1,3}(?:\.\d{1,3}){3}(?::\d+)?\b/g, "<ip>"],
  [/(?:[A-Za-z]:)?(?:[\\/][\w.@~-]+){2,}[\\/]?/g, "<path>"],
  [/\b0x[0-9a-f]+\b/gi, "<hex>"],
  [/\b(?=[0-9a-f]*\d)[0-9a-f]{8,}\b/gi, "<hex>"],
  [/\b(?=[A-Za-z0-9_-]*\d)(?=[A-Za-z0-9_-]*[A-Za-z])[A-Za-z0-9_-]{16,}\b/g, "<id>"],
  [/[-+]?\d+(?:\.\d+)?(?:e[-+]?\d+)?/gi, "<num>"],
];

/** Longest message read; the rest is ignored (a message may embed a whole document). */
const MAX_MESSAGE = 2000;

/**
 * The template of an error message: the message with its variable parts replaced by
 * placeholders — URLs `<url>`, e-mail addresses `<email>`, UUIDs `<uuid>`, quoted values
 * `<str>`, IP addresses `<ip>`, paths `<path>`, hex ids `<hex>`, long mixed-character tokens
 * (API keys, base64 ids) `<id>`, numbers `<num>` — and whitespace collapsed, so that messages
 * of the same bug with different data are equal. In the spirit of Sentry's and Drain's
 * (He et al., ICWS 2017) message normalization. Never throws.
 *
 * @example
 * messageTemplate('User 4521 not found in "eu-west"') // 'User <num> not found in <str>'
 */
export function messageTemplate(message: string): string {
  let text = message.length > MAX_MESSAGE ? message.slice(0, MAX_MESSAGE) : message;
  for (const [pattern, placeholder] of PATTERNS) text = text.replace(pattern, placeholder);
  return text.replace(/\s+/g, " ").trim();
}
