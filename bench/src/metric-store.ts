// Metric store write throughput (issue 5 §6): MetricStore.appendSamples on the workload
// (1,000 series: 600 counters, 300 gauges, 100 distributions with 11 bounds; 10% of the series
// change per 1 s interval, the rest passed as `unchanged`; 600 intervals = 600,000 samples),
// every call awaited until durable, up to `inFlight` calls queued (group commit). Then the raw
// DuckDB write paths it chose between, on the same 600,000 rows of (series, t, start, value,
// increase): the appender per value, data chunks, INSERT … SELECT unnest($lists), and storing
// unchanged samples as a (series, t) side table. Medians of `repeats` runs on fresh files.
// Usage: node bench/dist/metric-store.js [repeats=3] [inFlight=32]
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  BIGINT,
  DOUBLE,
  DuckDBDataChunk,
  DuckDBInstance,
  LIST,
  listValue,
  UINTEGER,
} from "@duckdb/node-api";
import { DuckDbStore, type MetricSample, type SeriesDescriptor } from "@sonde/collector";
import { mulberry32 } from "./workload/random.js";

const repeats = Number(process.argv[2] ?? 3);
const inFlight = Number(process.argv[3] ?? 32);
const INTERVALS = 600;
const BOUNDS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000];
const T0 = 1_700_000_000n * 1_000_000_000n;

function descriptors(): SeriesDescriptor[] {
  const out: SeriesDescriptor[] = [];
  const base = {
    valueType: "int" as const,
    description: "",
    unit: "1",
    owner: "bench",
    stability: "stable",
    sourceFile: "bench.ts",
    sourceLine: 1,
    identity: { "service.name": "bench", "host.name": "h1" },
    bounds: [] as number[],
    startTimeUnixNano: T0,
  };
  const tags = (i: number) => ({ route: `/r${i % 10}`, status: 200 + Math.floor(i / 10) });
  for (let m = 0; m < 6; m++) {
    for (let i = 0; i < 100; i++)
      out.push({ ...base, name: `/bench/c${m}`, kind: "counter", tags: tags(i) });
  }
  for (let m = 0; m < 3; m++) {
    for (let i = 0; i < 100; i++) {
      out.push({
        ...base,
        name: `/bench/g${m}`,
        kind: "gauge",
        valueType: "double",
        tags: tags(i),
      });
    }
  }
  for (let i = 0; i < 100; i++) {
    out.push({
      ...base,
      name: "/bench/d",
      kind: "distribution",
      valueType: "double",
      bounds: BOUNDS,
      tags: tags(i),
    });
  }
  return out;
}

/** Per interval: the changed samples and the unchanged ids. */
function workload(
  ids: number[],
): { samples: MetricSample[]; unchanged: { timeUnixNano: bigint; series: number[] } }[] {
  const random = mulberry32(42);
  const counters = new Float64Array(1000);
  const dists = Array.from({ length: 100 }, () => ({
    count: 0,
    sum: 0,
    buckets: new Array(12).fill(0),
  }));
  const out = [];
  for (let k = 0; k < INTERVALS; k++) {
    const t = T0 + BigInt(k + 1) * 1_000_000_000n;
    const changed = new Set<number>();
    while (changed.size < 100) changed.add(Math.floor(random() * 1000));
    const samples: MetricSample[] = [];
    const unchanged: number[] = [];
    for (let i = 0; i < 1000; i++) {
      // The first interval sends every series' first value; later ones only the changed.
      if (k > 0 && !changed.has(i)) {
        unchanged.push(ids[i]);
        continue;
      }
      if (i < 600) {
        if (changed.has(i)) counters[i] += 1 + Math.floor(random() * 5);
        samples.push({ series: ids[i], timeUnixNano: t, value: counters[i] });
      } else if (i < 900) {
        samples.push({ series: ids[i], timeUnixNano: t, value: random() * 100 });
      } else {
        const d = dists[i - 900];
        const n = 1 + Math.floor(random() * 5);
        for (let o = 0; o < n && changed.has(i); o++) {
          const v = -Math.log(1 - random()) * 50;
          d.count++;
          d.sum += v;
          const b = BOUNDS.findIndex((x) => v <= x);
          d.buckets[b === -1 ? BOUNDS.length : b]++;
        }
        samples.push({
          series: ids[i],
          timeUnixNano: t,
          distribution: {
            count: d.count,
            sum: d.sum,
            min: Number.NaN,
            max: Number.NaN,
            bucketCounts: [...d.buckets],
            delta: false,
          },
        });
      }
    }
    out.push({ samples, unchanged: { timeUnixNano: t, series: unchanged } });
  }
  return out;
}

async function storeRun(): Promise<{ perSecond: number; bytesPerSample: number }> {
  const dir = mkdtempSync(join(tmpdir(), "sonde-bench-metrics-"));
  const path = join(dir, "m.duckdb");
  try {
    const store = await DuckDbStore.open(path);
    const ids = await store.metrics.defineSeries(descriptors());
    const intervals = workload(ids);
    const t0 = performance.now();
    const running = new Set<Promise<void>>();
    for (const { samples, unchanged } of intervals) {
      const p: Promise<void> = store.metrics.appendSamples(samples, unchanged).then(() => {
        running.delete(p);
      });
      running.add(p);
      if (running.size >= inFlight) await Promise.race(running);
    }
    await Promise.all(running);
    const seconds = (performance.now() - t0) / 1000;
    const rows = await store.reader.runAndReadAll(
      "SELECT count(*)::INTEGER AS n FROM metric_samples",
    );
    if (rows.getRowObjectsJS()[0].n !== 900 * INTERVALS) throw new Error("sample rows missing");
    await store.reader.run("CHECKPOINT");
    await store.close();
    const bytes = statSync(path).size;
    return { perSecond: (1000 * INTERVALS) / seconds, bytesPerSample: bytes / (1000 * INTERVALS) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const N = 1000 * INTERVALS;
const BATCH = 10_000;
const cols = {
  series: Uint32Array.from({ length: N }, (_, i) => i % 1000),
  t: BigInt64Array.from(
    { length: N },
    (_, i) => T0 + BigInt(Math.floor(i / 1000)) * 1_000_000_000n,
  ),
  start: new BigInt64Array(N),
  value: Float64Array.from({ length: N }, (_, i) => i % 7),
  increase: Float64Array.from({ length: N }, (_, i) => (i % 10 === 0 ? 1 : 0)),
};
const SAMPLES_DDL =
  "CREATE TABLE s (series UINTEGER NOT NULL, t BIGINT NOT NULL, start BIGINT NOT NULL, value DOUBLE NOT NULL, increase DOUBLE NOT NULL);" +
  "CREATE TABLE u (series UINTEGER NOT NULL, t BIGINT NOT NULL)";
const TYPES = [UINTEGER, BIGINT, BIGINT, DOUBLE, DOUBLE];

type RawWriter = (
  c: Awaited<ReturnType<DuckDBInstance["connect"]>>,
  from: number,
  to: number,
) => Promise<void>;
const RAW: Record<string, RawWriter> = {
  "appender, per value": async (c, from, to) => {
    await c.run("BEGIN");
    const a = await c.createAppender("s");
    for (let i = from; i < to; i++) {
      a.appendUInteger(cols.series[i]);
      a.appendBigInt(cols.t[i]);
      a.appendBigInt(0n);
      a.appendDouble(cols.value[i]);
      a.appendDouble(cols.increase[i]);
      a.endRow();
    }
    a.closeSync();
    await c.run("COMMIT");
  },
  "data chunks (chosen)": async (c, from, to) => {
    await c.run("BEGIN");
    const a = await c.createAppender("s");
    const arrays = [cols.series, cols.t, cols.start, cols.value, cols.increase];
    for (let o = from; o < to; o += 2048) {
      const e = Math.min(to, o + 2048);
      const chunk = DuckDBDataChunk.create(TYPES, e - o);
      arrays.forEach((col, k) => {
        const v = chunk.getColumnVector(k);
        for (let i = o; i < e; i++) v.setItem(i - o, col[i]);
        v.flush();
      });
      a.appendDataChunk(chunk);
    }
    a.closeSync();
    await c.run("COMMIT");
  },
  "INSERT … SELECT unnest(lists)": async (c, from, to) => {
    const list = (a: ArrayLike<number | bigint>) => listValue(Array.from(a));
    await c.run(
      "INSERT INTO s SELECT unnest($1), unnest($2), 0, unnest($3), unnest($4)",
      [
        list(cols.series.subarray(from, to)),
        list(cols.t.subarray(from, to)),
        list(cols.value.subarray(from, to)),
        list(cols.increase.subarray(from, to)),
      ],
      [LIST(UINTEGER), LIST(BIGINT), LIST(DOUBLE), LIST(DOUBLE)],
    );
  },
  "unchanged as (series, t) side table": async (c, from, to) => {
    // 10% full rows, 90% two-column rows, in data chunks.
    await c.run("BEGIN");
    const full = await c.createAppender("s");
    const side = await c.createAppender("u");
    const arrays = [cols.series, cols.t, cols.start, cols.value, cols.increase];
    for (let o = from; o < to; o += 2048) {
      const e = Math.min(to, o + 2048);
      const changed = Math.ceil((e - o) / 10);
      const chunk = DuckDBDataChunk.create(TYPES, changed);
      arrays.forEach((col, k) => {
        const v = chunk.getColumnVector(k);
        for (let i = 0; i < changed; i++) v.setItem(i, col[o + i]);
        v.flush();
      });
      full.appendDataChunk(chunk);
      const rest = DuckDBDataChunk.create([UINTEGER, BIGINT], e - o - changed);
      [cols.series, cols.t].forEach((col, k) => {
        const v = rest.getColumnVector(k);
        for (let i = changed; i < e - o; i++) v.setItem(i - changed, col[o + i]);
        v.flush();
      });
      side.appendDataChunk(rest);
    }
    full.closeSync();
    side.closeSync();
    await c.run("COMMIT");
  },
};

async function rawRun(write: RawWriter): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), "sonde-bench-raw-"));
  try {
    const instance = await DuckDBInstance.create(join(dir, "r.duckdb"));
    const c = await instance.connect();
    await c.run(SAMPLES_DDL);
    const t0 = performance.now();
    for (let from = 0; from < N; from += BATCH) await write(c, from, Math.min(N, from + BATCH));
    const rows = N / ((performance.now() - t0) / 1000);
    c.closeSync();
    instance.closeSync();
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (n: number) => Math.round(n).toLocaleString("en-US");

const storeRuns = [];
for (let r = 0; r < repeats; r++) storeRuns.push(await storeRun());
const store = median(storeRuns.map((s) => s.perSecond));
console.log(
  `MetricStore.appendSamples, issue workload (${inFlight} calls in flight), ${repeats} runs:`,
);
console.log(
  `  samples/s: median ${fmt(store)} (runs: ${storeRuns.map((s) => fmt(s.perSecond)).join(", ")})`,
);
console.log(
  `  database file after a checkpoint: ${median(storeRuns.map((s) => s.bytesPerSample)).toFixed(2)} B/sample`,
);
console.log(`\nRaw write paths, ${fmt(N)} rows in transactions of ${fmt(BATCH)}:`);
console.log("| path | rows/s (median) | vs data chunks |");
console.log("| --- | ---: | ---: |");
const raw: [string, number][] = [];
for (const [name, write] of Object.entries(RAW)) {
  const runs = [];
  for (let r = 0; r < repeats; r++) runs.push(await rawRun(write));
  raw.push([name, median(runs)]);
}
const chunks = raw.find(([n]) => n.startsWith("data chunks"))?.[1] ?? 1;
for (const [name, rows] of raw)
  console.log(`| ${name} | ${fmt(rows)} | ${(rows / chunks).toFixed(2)} |`);
