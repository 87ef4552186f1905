import type {
  BaggageEntry,
  Context,
  TextMapGetter,
  TextMapPropagator,
  TextMapSetter,
} from "@sonde/api";
import { propagation } from "@sonde/api";
import { listMembers, trimOws } from "./list.js";

const BAGGAGE = "baggage";

/**
 * The W3C Baggage limits Sonde applies: at most 180 list-members (the header grammar's
 * `0*179`) and 8192 bytes per header; the spec's minimums are 64 members and 8192 bytes.
 */
export const BAGGAGE_LIMITS = Object.freeze({ members: 180, bytes: 8192 });

// key = token (RFC 7230 §3.2.6)
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
// value = *baggage-octet; baggage-octet = %x21 / %x23-2B / %x2D-3A / %x3C-5B / %x5D-7E
const VALUE = /^[\x21\x23-\x2b\x2d-\x3a\x3c-\x5b\x5d-\x7e]*$/;
// A value that needs no percent-encoding: baggage-octets except "%".
const PLAIN_VALUE = /^[\x21\x23\x24\x26-\x2b\x2d-\x3a\x3c-\x5b\x5d-\x7e]*$/;
const HEX = /^[0-9A-Fa-f]{2}$/;
const utf8 = new TextEncoder();
// Not fatal: invalid UTF-8 decodes to U+FFFD, as the spec requires.
const utf8Decoder = new TextDecoder("utf-8");

/** Percent-decodes a valid value to UTF-8 text; a `%` without two hex digits stays literal. */
function decodeValue(value: string): string {
  if (!value.includes("%")) return value;
  const bytes: number[] = [];
  for (let i = 0; i < value.length; i++) {
    const hex = value[i] === "%" ? value.slice(i + 1, i + 3) : "";
    if (HEX.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(value.charCodeAt(i));
    }
  }
  return utf8Decoder.decode(Uint8Array.from(bytes));
}

/** Percent-encodes the UTF-8 bytes of `value` that are not baggage-octets, and `%` itself. */
function encodeValue(value: string): string {
  if (PLAIN_VALUE.test(value)) return value;
  let out = "";
  for (const byte of utf8.encode(value)) {
    const char = String.fromCharCode(byte);
    out +=
      byte < 0x80 && PLAIN_VALUE.test(char)
        ? char
        : `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return out;
}

/**
 * Validates a property list (`k1=v1;k2` after the value) and returns it normalized (OWS
 * removed), or undefined when one property is malformed.
 */
function normalizeProperties(properties: readonly string[]): string | undefined {
  const out: string[] = [];
  for (const raw of properties) {
    const property = trimOws(raw);
    const equals = property.indexOf("=");
    const key = trimOws(equals === -1 ? property : property.slice(0, equals));
    if (!TOKEN.test(key)) return undefined;
    if (equals === -1) {
      out.push(key);
      continue;
    }
    const value = trimOws(property.slice(equals + 1));
    if (!VALUE.test(value)) return undefined;
    out.push(`${key}=${value}`);
  }
  return out.join(";");
}

/** One list-member as `[key, entry]`, or undefined when it is malformed. */
function parseMember(member: string): [string, BaggageEntry] | undefined {
  const [pair, ...properties] = member.split(";");
  const equals = pair.indexOf("=");
  if (equals === -1) return undefined;
  const key = trimOws(pair.slice(0, equals));
  const value = trimOws(pair.slice(equals + 1));
  if (!TOKEN.test(key) || !VALUE.test(value)) return undefined;
  const metadata = normalizeProperties(properties);
  if (metadata === undefined) return undefined;
  const decoded = decodeValue(value);
  return [key, metadata === "" ? { value: decoded } : { value: decoded, metadata }];
}

/**
 * Parses `baggage` header values (W3C Baggage §3; several headers are combined as RFC 7230
 * says) into entries, in order. Malformed list-members are dropped, the others kept; values
 * are percent-decoded (invalid UTF-8 becomes U+FFFD); properties are kept as normalized text.
 * A later duplicate key replaces the value of an earlier one. Members beyond
 * {@link BAGGAGE_LIMITS} (180, or past 8192 bytes of header) are dropped. Never throws.
 */
export function parseBaggage(
  header: string | readonly string[] | undefined,
): Map<string, BaggageEntry> {
  const entries = new Map<string, BaggageEntry>();
  let bytes = 0;
  let members = 0;
  for (const member of listMembers(header)) {
    bytes += member.length + (members === 0 ? 0 : 1);
    if (bytes > BAGGAGE_LIMITS.bytes || members === BAGGAGE_LIMITS.members) break;
    const parsed = parseMember(member);
    if (parsed === undefined) continue;
    members++;
    entries.set(parsed[0], parsed[1]);
  }
  return entries;
}

/**
 * Serializes entries as a `baggage` header value: `key=value;properties`, comma-separated,
 * values percent-encoded (UTF-8). Entries whose key is not an RFC 7230 token are skipped;
 * malformed properties are left out; members that would pass {@link BAGGAGE_LIMITS} are
 * dropped. Returns `""` when nothing is left. Never throws.
 */
export function serializeBaggage(entries: Iterable<[string, BaggageEntry]>): string {
  let header = "";
  let members = 0;
  for (const [key, entry] of entries) {
    if (members === BAGGAGE_LIMITS.members) break;
    if (!TOKEN.test(key)) continue;
    const metadata =
      typeof entry.metadata === "string" && entry.metadata !== ""
        ? normalizeProperties(entry.metadata.split(";"))
        : undefined;
    const member = `${key}=${encodeValue(String(entry.value))}${metadata ? `;${metadata}` : ""}`;
    const next = members === 0 ? member : `${header},${member}`;
    if (next.length > BAGGAGE_LIMITS.bytes) continue;
    header = next;
    members++;
  }
  return header;
}

/**
 * The W3C Baggage propagator: `inject` writes the baggage of the context as the `baggage`
 * field; `extract` replaces the context's baggage with the entries read from the carrier (and
 * leaves the context unchanged when the carrier has no valid entry). Never throws for
 * well-behaved getters and setters.
 */
export const baggagePropagator: TextMapPropagator = {
  inject<C>(context: Context, carrier: C, setter: TextMapSetter<C>): void {
    const baggage = propagation.getBaggage(context);
    if (baggage === undefined || baggage.size === 0) return;
    const header = serializeBaggage(baggage.getAllEntries());
    if (header !== "") setter.set(carrier, BAGGAGE, header);
  },

  extract<C>(context: Context, carrier: C, getter: TextMapGetter<C>): Context {
    const header = getter.get(carrier, BAGGAGE);
    if (header === undefined) return context;
    const entries = parseBaggage(header);
    if (entries.size === 0) return context;
    return propagation.setBaggage(context, propagation.createBaggage(Object.fromEntries(entries)));
  },

  fields(): string[] {
    return [BAGGAGE];
  },
};
