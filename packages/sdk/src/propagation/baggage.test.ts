import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import {
  type BaggageEntry,
  context,
  fetchHeadersGetter,
  fetchHeadersSetter,
  type HeadersCarrier,
  headersGetter,
  headersSetter,
  mapGetter,
  mapSetter,
  propagation,
  ROOT_CONTEXT,
  trace,
} from "@sonde/api";
import { InMemoryExporter } from "../export/memory.js";
import { type SondeHandle, startSonde } from "../start.js";
import { BAGGAGE_LIMITS, baggagePropagator, parseBaggage, serializeBaggage } from "./baggage.js";

let sonde: SondeHandle;

before(() => {
  sonde = startSonde({
    serviceName: "baggage-test",
    exporter: new InMemoryExporter(),
    instrumentHttp: false,
    onDiagnostic: () => {},
  });
});
after(() => sonde.shutdown());

function entries(header: string | string[]): Record<string, BaggageEntry> {
  return Object.fromEntries(parseBaggage(header));
}

test("parses the W3C example: OWS trimmed, properties kept as normalized text", () => {
  assert.deepEqual(
    entries(
      "key1=value1;property1;property2, key2 = value2, key3=value3; propertyKey=propertyValue",
    ),
    {
      key1: { value: "value1", metadata: "property1;property2" },
      key2: { value: "value2" },
      key3: { value: "value3", metadata: "propertyKey=propertyValue" },
    },
  );
  assert.deepEqual(entries(["userId=alice", "serverNode=DF%2028,isProduction=false"]), {
    userId: { value: "alice" },
    serverNode: { value: "DF 28" },
    isProduction: { value: "false" },
  });
});

test("values are percent-decoded UTF-8; invalid UTF-8 becomes U+FFFD; a lone % stays", () => {
  assert.deepEqual(entries("euro=%E2%82%AC,bad=%FF,lone=100%,eq=a=b,half=%4"), {
    euro: { value: "€" },
    bad: { value: "\uFFFD" },
    lone: { value: "100%" },
    eq: { value: "a=b" },
    half: { value: "%4" },
  });
});

test("malformed list-members are dropped, the others kept", () => {
  assert.deepEqual(
    entries(
      [
        "bad key=1",
        "ok=1",
        'quoted="x"',
        "space=a b",
        "=nokey",
        "nokeyvalue",
        "backslash=a\\b",
        "badprop=1;p q",
        "utf=é",
        "last=2;flag",
      ].join(","),
    ),
    { ok: { value: "1" }, last: { value: "2", metadata: "flag" } },
  );
  assert.deepEqual(entries(""), {});
  assert.deepEqual(entries(" , ,"), {});
});

test("a later duplicate key replaces the earlier value", () => {
  assert.deepEqual(entries("a=1,b=2,a=3"), { a: { value: "3" }, b: { value: "2" } });
});

test("extract keeps at most 180 members and 8192 bytes", () => {
  const many = Array.from({ length: 200 }, (_, i) => `k${i}=${i}`).join(",");
  assert.equal(parseBaggage(many).size, BAGGAGE_LIMITS.members);
  const big = Array.from({ length: 10 }, (_, i) => `k${i}=${"v".repeat(1000)}`).join(",");
  const parsed = parseBaggage(big);
  assert.equal(parsed.size, 8, "8 members of 1003 bytes fit in 8192 bytes, the 9th does not");
});

test("serialize percent-encodes what is not a baggage-octet, and % itself", () => {
  const header = serializeBaggage([
    ["user", { value: "alice b" }],
    ["path", { value: 'a,b;c%d"e\\f' }],
    ["euro", { value: "€" }],
    ["plain", { value: "AZaz09!#$&'()*+-./:<>?@[]^_`{|}~" }],
    ["meta", { value: "1", metadata: " ttl = 30 ;internal" }],
    ["badmeta", { value: "1", metadata: "a b" }],
    ["bad key", { value: "skipped" }],
  ]);
  assert.equal(
    header,
    "user=alice%20b,path=a%2Cb%3Bc%25d%22e%5Cf,euro=%E2%82%AC," +
      "plain=AZaz09!#$&'()*+-./:<>?@[]^_`{|}~,meta=1;ttl=30;internal,badmeta=1",
  );
  assert.deepEqual(entries(header), {
    user: { value: "alice b" },
    path: { value: 'a,b;c%d"e\\f' },
    euro: { value: "€" },
    plain: { value: "AZaz09!#$&'()*+-./:<>?@[]^_`{|}~" },
    meta: { value: "1", metadata: "ttl=30;internal" },
    badmeta: { value: "1" },
  });
  assert.equal(serializeBaggage([["lone", { value: "\uD800" }]]), "lone=%EF%BF%BD");
});

test("serialize keeps to 180 members and 8192 bytes", () => {
  const many = Array.from({ length: 200 }, (_, i): [string, BaggageEntry] => [
    `k${i}`,
    { value: "v" },
  ]);
  assert.equal(serializeBaggage(many).split(",").length, 180);
  const big = Array.from({ length: 10 }, (_, i): [string, BaggageEntry] => [
    `k${i}`,
    { value: "v".repeat(1000) },
  ]);
  const header = serializeBaggage([...big, ["small", { value: "1" }]]);
  assert.ok(header.length <= BAGGAGE_LIMITS.bytes);
  assert.equal(header.split(",").length, 9, "8 big members and the small one that still fits");
  assert.ok(header.endsWith(",small=1"));
});

test("the api reads and sets baggage; inject and extract carry it with the trace", () => {
  const baggage = propagation
    .createBaggage({ tenant: "acme", user: { value: "alice b", metadata: "pii" } })
    .setEntry("region", { value: "eu" })
    .removeEntry("region");
  assert.equal(baggage.size, 2);
  assert.equal(propagation.getBaggage(), undefined, "no baggage outside");
  const headers: HeadersCarrier = {};
  const span = trace.getTracer("baggage-test").startSpan("outgoing");
  context.with(trace.setSpan(propagation.setBaggage(context.active(), baggage), span), () => {
    assert.equal(propagation.getBaggage()?.getEntry("tenant")?.value, "acme");
    propagation.inject(headers);
  });
  span.end();
  assert.equal(headers.baggage, "tenant=acme,user=alice%20b;pii");
  assert.match(String(headers.traceparent), /^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
  assert.deepEqual(propagation.fields(), ["traceparent", "tracestate", "baggage"]);

  const extracted = propagation.extract(headers, headersGetter, ROOT_CONTEXT);
  assert.equal(trace.getSpan(extracted)?.spanContext().spanId, span.spanContext().spanId);
  assert.deepEqual(propagation.getBaggage(extracted)?.getAllEntries(), [
    ["tenant", { value: "acme" }],
    ["user", { value: "alice b", metadata: "pii" }],
  ]);
  assert.equal(propagation.getBaggage(propagation.deleteBaggage(extracted)), undefined);
  // Baggage travels without a span too; a carrier without valid baggage leaves ctx unchanged.
  const onlyBaggage = propagation.extract({ baggage: "a=1" }, headersGetter, ROOT_CONTEXT);
  assert.equal(propagation.getBaggage(onlyBaggage)?.getEntry("a")?.value, "1");
  assert.equal(
    propagation.extract({ baggage: "bad key=1" }, headersGetter, ROOT_CONTEXT),
    ROOT_CONTEXT,
  );
});

test("any carrier through a getter and setter: WHATWG Headers and a Map of message properties", () => {
  const source = propagation.setBaggage(ROOT_CONTEXT, propagation.createBaggage({ k: "v 1" }));
  const parent = trace.setSpan(
    source,
    trace.wrapSpanContext({
      traceId: "4bf92f3577b34da6a3ce929d0e0e4736",
      spanId: "00f067aa0ba902b7",
      sampled: true,
      remote: false,
      traceState: "rojo=1",
    }),
  );
  const fetchHeaders = new Headers();
  propagation.inject(fetchHeaders, fetchHeadersSetter, parent);
  assert.deepEqual(
    [...fetchHeaders],
    [
      ["baggage", "k=v%201"],
      ["traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"],
      ["tracestate", "rojo=1"],
    ],
  );
  const message = new Map<string, unknown>([["content-type", "application/json"]]);
  propagation.inject(message, mapSetter, parent);
  for (const [carrier, ctx] of [
    [fetchHeaders, propagation.extract(fetchHeaders, fetchHeadersGetter, ROOT_CONTEXT)],
    [message, propagation.extract(message, mapGetter, ROOT_CONTEXT)],
  ] as const) {
    assert.equal(trace.getSpan(ctx)?.spanContext().traceState, "rojo=1", String(carrier));
    assert.equal(propagation.getBaggage(ctx)?.getEntry("k")?.value, "v 1");
  }
  // Mixed-case names are found in Headers (case-insensitive); a Map needs exact keys.
  const upper = new Headers({
    TraceParent: "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
  });
  assert.ok(trace.getSpan(propagation.extract(upper, fetchHeadersGetter, ROOT_CONTEXT)));
  const plain: HeadersCarrier = {};
  baggagePropagator.inject(source, plain, headersSetter);
  assert.deepEqual(plain, { baggage: "k=v%201" });
});
