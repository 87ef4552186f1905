import { listMembers } from "./list.js";

// W3C Trace Context, `tracestate` header (§3.3): a list of at most 32 `key=value` members.
// key = (lcalpha / DIGIT) 0*255(lcalpha / DIGIT / "_" / "-" / "*" / "/" / "@")
const KEY = /^[a-z0-9][a-z0-9_\-*/@]{0,255}$/;
// value = 0*255(chr) nblk-chr; chr = %x20 / nblk-chr; nblk-chr = %x21-2B / %x2D-3C / %x3E-7E
const VALUE = /^[\x20-\x2b\x2d-\x3c\x3e-\x7e]{0,255}[\x21-\x2b\x2d-\x3c\x3e-\x7e]$/;
const MAX_MEMBERS = 32;
// §3.3.1.5: propagate at least 512 characters; when truncating, drop members longer than 128
// characters first, then members from the end.
const MAX_LENGTH = 512;
const LONG_MEMBER = 128;

function truncate(members: string[]): string[] {
  let length = members.join(",").length;
  if (length <= MAX_LENGTH) return members;
  const kept = members.filter((member) => member.length <= LONG_MEMBER);
  length = kept.join(",").length;
  while (length > MAX_LENGTH) length -= (kept.pop() as string).length + 1;
  return kept;
}

/**
 * Validates a received `tracestate` (one header, or several to be combined as RFC 7230 says)
 * and returns it normalized: members that do not match the key/value grammar, duplicates of an
 * earlier key and members after the 32nd are dropped, OWS and empty members removed, and the
 * result truncated to 512 characters as §3.3.1.5 recommends. `""` when nothing valid remains.
 * Never throws.
 */
export function normalizeTracestate(header: string | readonly string[] | undefined): string {
  const members: string[] = [];
  const keys = new Set<string>();
  for (const member of listMembers(header)) {
    if (members.length === MAX_MEMBERS) break;
    const equals = member.indexOf("=");
    if (equals === -1) continue;
    const key = member.slice(0, equals);
    if (!KEY.test(key) || keys.has(key) || !VALUE.test(member.slice(equals + 1))) continue;
    keys.add(key);
    members.push(member);
  }
  return truncate(members).join(",");
}
