/**
 * Queries over millions of spans (issue 6, "Performance"): generates 1M and 10M realistic spans
 * over one day into a collector's DuckDB file through the store's bulk-load path
 * (`DuckDbStore.bulkLoad`: the same tables, rollups and trace index as ingest), then runs each
 * query shape through the collector's HTTP query API several times and reports the median,
 * next to raw DuckDB running the equivalent single statement in the same process. Trace fetches
 * are also timed with the trace index as live ingest leaves it (rows in arrival order: all in
 * one table, and in the levels the store's merges keep).
 *
 * Usage: `node bench/dist/query-10m.js [sizes=1000000,10000000] [runs=5] [index_rows]`: with
 * `index_rows`, the trace index is padded to that many rows with other trace ids (as from other
 * days), so lookups can be timed on an index of a long live run without generating its spans.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Collector, startCollector } from "@sonde/collector";

const sizes = (process.argv[2] ?? "1000000,10000000").split(",").map(Number);
const RUNS = Number(process.argv[3] ?? 5);
const INDEX_ROWS = Number(process.argv[4] ?? 0);
const DAY_START = "2024-01-01T00:00:00Z";
const DAY_END = "2024-01-02T00:00:00Z";
const RANGE = { start: DAY_START, end: DAY_END };

/**
 * Spans of one day in time order, 10 per trace (the first the root): 8 services, 6 operations,
 * log-normal durations whose median varies by service and name (heavy upper tail), 2% errors,
 * attributes including high-cardinality `user.id` (100k values) and `host.name` (50).
 */
function generator(n: number): string {
  const hex = (x: string) => `lpad(lower(to_hex(${x})), 16, '0')`;
  return `WITH r AS (SELECT i, random() AS u1, random() AS u2, random() AS u3, random() AS u4,
  (hash(i) >> 1)::BIGINT AS h FROM range(${n}) t(i)),
s AS (SELECT *, (h % 8)::INT AS svc, ((h >> 8) % 6)::INT AS nm,
  1704067200000000 + i * (86400000000 // ${n}) AS ts_us,
  exp(1.5 + ((h >> 16) % 8) * 0.3 + 1.1 * sqrt(-2 * ln(u1)) * cos(2 * pi() * u2)) AS dur FROM r)
SELECT ${hex("hash(i // 10)")} || ${hex("hash(i // 10 + 1000000000000)")}, ${hex("hash(i)")},
  CASE WHEN i % 10 = 0 THEN '' ELSE ${hex("hash(i - i % 10)")} END, '',
  ['GET /users/:id','POST /login','GET /invoices','db.query','cache.get','publish'][nm + 1],
  ['server','server','server','client','client','producer'][nm + 1],
  ['web','auth','billing','search','cart','payments','inventory','email'][svc + 1],
  make_timestamp(ts_us), ts_us * 1000, ts_us * 1000 + (dur * 1e6)::BIGINT, (dur * 1e6)::BIGINT / 1e6,
  CASE WHEN u3 < 0.02 THEN 'error' WHEN u3 < 0.5 THEN 'ok' ELSE 'unset' END, '',
  map(['http.route','user.id','host.name','region','http.method'],
    [['/users/:id','/login','/invoices','/search','/cart'][((h >> 24) % 5 + 1)::INT],
     'u' || ((h >> 28) % 100000)::VARCHAR, 'host-' || ((h >> 34) % 50)::VARCHAR,
     ['eu','us','ap'][((h >> 40) % 3 + 1)::INT], ['GET','POST'][((h >> 42) % 2 + 1)::INT]]),
  map(['http.response.status_code','db.rows'],
    [CASE WHEN u3 < 0.02 THEN 500 WHEN u4 < 0.05 THEN 404 ELSE 200 END, ((h >> 44) % 1000)::DOUBLE]),
  map(['retry'], [u4 < 0.1]), '[]', '[]'
FROM s ORDER BY ts_us`;
}

/** The raw single statement: COUNT + P99 + HEATMAP by service, 240 buckets, as compiled before rollups. */
const RAW_HEATMAP = `WITH base AS (SELECT time_bucket(INTERVAL 360 SECOND, "timestamp") AS t,
  service_name AS g0, duration_ms AS c0 FROM spans
  WHERE "timestamp" >= TIMESTAMP '2024-01-01' AND "timestamp" < TIMESTAMP '2024-01-02'),
b AS (SELECT min(c0) AS lo, max(c0) AS hi FROM base)
SELECT grouping(t), g0, t, count(*), quantile_cont(c0, 0.99),
  histogram(least(floor((c0 - lo) / ((hi - lo) / 20)), 19)::INTEGER)
FROM base, b GROUP BY GROUPING SETS ((g0), (g0, t))`;

async function post(c: Collector, path: string, body: unknown): Promise<unknown> {
  const res = await fetch(`${c.url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

async function median(runs: number, work: (i: number) => Promise<unknown>): Promise<number> {
  await work(0);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await work(i + 1);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

async function measure(n: number): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), "sonde-query-bench-"));
  const c = await startCollector({ httpPort: 0, grpcPort: false, storage: join(dir, "q.duckdb") });
  try {
    const t = performance.now();
    await c.store.bulkLoad(generator(n));
    const loadS = (performance.now() - t) / 1000;
    const conn = c.store.reader;
    const ids = (
      await conn.runAndReadAll(
        `SELECT trace_id FROM (SELECT trace_id FROM spans WHERE parent_span_id = '')
         USING SAMPLE 50 ROWS (reservoir, 7)`,
      )
    )
      .getRowObjectsJS()
      .map((r) => String(r.trace_id));
    const heatmap = {
      dataset: "spans",
      time_range: RANGE,
      calculations: [
        { op: "COUNT" },
        { op: "P99", column: "duration_ms" },
        { op: "HEATMAP", column: "duration_ms" },
      ],
      breakdowns: ["service.name"],
      granularity_s: 360,
    };
    const out: Record<string, number> = { load_s: loadS };
    out.heatmap_api = await median(RUNS, () => post(c, "/api/query", heatmap));
    out.heatmap_api_exact = await median(RUNS, () =>
      post(c, "/api/query", { ...heatmap, exact: true }),
    );
    out.heatmap_raw = await median(RUNS, () => conn.runAndReadAll(RAW_HEATMAP));
    out.bubbleup_api = await median(RUNS, () =>
      post(c, "/api/bubbleup", {
        dataset: "spans",
        time_range: RANGE,
        selection: { value: { column: "duration_ms", min: 100 } },
        max_columns: 20,
      }),
    );
    // A heatmap box: 20 minutes of slow spans, sampled apart from the baseline.
    out.bubbleup_api_box = await median(RUNS, () =>
      post(c, "/api/bubbleup", {
        dataset: "spans",
        time_range: RANGE,
        selection: {
          time: { start: "2024-01-01T10:00:00Z", end: "2024-01-01T10:20:00Z" },
          value: { column: "duration_ms", min: 100 },
        },
        max_columns: 20,
      }),
    );
    // The trace index rows (bulk load wrote them all to the last level) in a random order, as
    // they would arrive live, padded to INDEX_ROWS; the last level is rewritten sorted with them.
    const index = await c.store.instance.connect();
    await index.run(`CREATE TEMP TABLE arrival AS SELECT row_number() OVER (ORDER BY random())
      AS n, * FROM (FROM trace_index_3 UNION ALL SELECT hash(i + 1e12), TIMESTAMP '2023-12-31',
        TIMESTAMP '2023-12-31' FROM range(${INDEX_ROWS} - (SELECT count(*) FROM trace_index_3)) t(i))`);
    if (INDEX_ROWS) {
      await index.run(`DELETE FROM trace_index_3;
        INSERT INTO trace_index_3 SELECT trace_key, first_start, last_start FROM arrival
        ORDER BY trace_key; CHECKPOINT`);
    }
    // 50 traces: each fetched once (its spans' blocks maybe not yet read), then twice more.
    const fetchTrace = (i: number) =>
      fetch(`${c.url}/api/traces/${ids[i % ids.length]}`).then((r) => r.json());
    out.trace_api = await median(ids.length - 1, fetchTrace);
    out.trace_api_again = await median(ids.length * 2, fetchTrace);
    out.trace_api_unknown = await median(RUNS * 20, (i) =>
      fetch(`${c.url}/api/traces/${i.toString(16).padStart(32, "f")}`).then((r) => r.json()),
    );
    // The trace index lookup alone (statement 1 of a fetch, the SQL of `query/trace.ts` over the
    // levels of `storage/schema.ts`), then it and the fetches with the index as live ingest
    // leaves it, rows in arrival (random key) order: all in level 0, one unsorted table (as
    // before the index had levels), then as the store's merges arrange them when level 0 gets
    // 65,536 rows at a time. Each arrangement is checkpointed before it is timed.
    const levels = ["trace_index", "trace_index_1", "trace_index_2", "trace_index_3"];
    const lookup = await conn.prepare(
      `SELECT min(first_start), max(last_start) FROM (${levels
        .map((t) => `SELECT first_start, last_start FROM ${t} WHERE trace_key = $1`)
        .join(" UNION ALL ")})`,
    );
    const keys = ids.map((id) => BigInt(`0x${id.slice(0, 16)}`));
    const timeLookup = () =>
      median(keys.length * 4, (i) => {
        lookup.bindUBigInt(1, keys[i % keys.length]);
        return lookup.runAndReadAll();
      });
    out.index_lookup = await timeLookup();
    await index.run(`DELETE FROM trace_index_3;
      INSERT INTO trace_index SELECT trace_key, first_start, last_start FROM arrival ORDER BY n;
      CHECKPOINT`);
    out.index_lookup_arrival = await timeLookup();
    out.trace_api_arrival = await median(ids.length * 4, fetchTrace);
    await index.run("DELETE FROM trace_index");
    const rows = Number(
      (await index.runAndReadAll("SELECT count(*) FROM arrival")).getRows()[0][0],
    );
    for (let from = 0; from < rows; from += 65_536) {
      await index.run(`INSERT INTO trace_index SELECT trace_key, first_start, last_start
        FROM arrival WHERE n > ${from} AND n <= ${from + 65_536} ORDER BY n`);
      await c.store.mergeTraceIndex();
    }
    await index.run("CHECKPOINT");
    const counts = levels.map((t) => `(SELECT count(*) FROM ${t})`).join(", ");
    const byLevel = (await index.runAndReadAll(`SELECT ${counts}`)).getRowsJson()[0];
    console.error(`${n} spans: trace index rows by level, live`, byLevel.join(" / "));
    index.closeSync();
    out.index_lookup_levels = await timeLookup();
    out.trace_api_levels = await median(ids.length * 4, fetchTrace);
    out.trace_raw_scan = await median(RUNS * 20, (i) =>
      conn.runAndReadAll("SELECT * FROM spans WHERE trace_id = $1", [ids[i % ids.length]]),
    );
    out.search_api = await median(RUNS, () =>
      post(c, "/api/traces/search", {
        time_range: RANGE,
        filters: [
          { column: "service.name", op: "=", value: "billing" },
          { column: "status_code", op: "=", value: "error" },
        ],
        sort: { by: "duration", direction: "desc" },
        limit: 20,
      }),
    );
    return out;
  } finally {
    await c.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const results = new Map<number, Record<string, number>>();
for (const n of sizes) {
  results.set(n, await measure(n));
  console.error(`${n} spans:`, results.get(n));
}
const rows = Object.keys(results.get(sizes[0]) ?? {});
console.log(
  `| measure (median ms) | ${sizes.map((n) => `${n / 1e6}M spans`).join(" | ")} | growth |`,
);
console.log(`| :-- | ${sizes.map(() => "--:").join(" | ")} | --: |`);
for (const r of rows) {
  const v = sizes.map((n) => results.get(n)?.[r] ?? Number.NaN);
  const growth = v.length > 1 ? `${(v[v.length - 1] / v[0]).toFixed(1)}×` : "";
  console.log(
    `| ${r} | ${v.map((x) => x.toFixed(r.startsWith("index_") ? 2 : 1)).join(" | ")} | ${growth} |`,
  );
}
