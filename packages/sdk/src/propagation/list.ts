/** Removes OWS (spaces and horizontal tabs, RFC 7230 §3.2.3) at both ends of `text`. */
export function trimOws(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && (text[start] === " " || text[start] === "\t")) start++;
  while (end > start && (text[end - 1] === " " || text[end - 1] === "\t")) end--;
  return text.slice(start, end);
}

/**
 * The comma-separated members of a header list (RFC 7230 §7), OWS-trimmed, empty ones skipped.
 * Lazy, so a caller that stops early does not split a huge header. Several header values are
 * combined with commas, as RFC 7230 §3.2.2 says; anything but strings is ignored.
 */
export function* listMembers(header: unknown): Generator<string> {
  const text =
    typeof header === "string"
      ? header
      : Array.isArray(header)
        ? header.filter((value) => typeof value === "string").join(",")
        : "";
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf(",", start);
    if (end === -1) end = text.length;
    const member = trimOws(text.slice(start, end));
    if (member !== "") yield member;
    start = end + 1;
  }
}
