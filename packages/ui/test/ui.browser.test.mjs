// Browser test of the web UI against the real demo: `sonde demo` (collector + instrumented
// services web → auth → billing → resources + load), driven through Debian's chromium.
// Needs `npm run build` first (packages/ui/dist and packages/cli/dist). Screenshots go to
// test-output/ui/ at the repository root.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { after, before, test } from "node:test";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const root = join(dirname(fileURLToPath(import.meta.url)), "../../..");
const shots = join(root, "test-output/ui");
const services = ["auth", "billing", "resources", "web"];
/** Span properties that are columns, not attributes (see GET /api/traces). */
const spanColumns = new Set([
  "trace_id",
  "span_id",
  "parent_span_id",
  "trace_state",
  "name",
  "kind",
  "service.name",
  "timestamp",
  "start_time_unix_nano",
  "end_time_unix_nano",
  "duration_ms",
  "status_code",
  "status_message",
  "events",
  "links",
]);

let demo;
let demoOutput = "";
let dir;
let browser;
let base;

before(async () => {
  for (const file of ["packages/ui/dist/index.html", "packages/cli/dist/bin.js"]) {
    assert.ok(existsSync(join(root, file)), `${file} is missing: run \`npm run build\` first`);
  }
  await mkdir(shots, { recursive: true });
  dir = await mkdtemp(join(tmpdir(), "sonde-ui-"));
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  demo = spawn(
    process.execPath,
    [
      "packages/cli/dist/bin.js",
      "demo",
      "--http-port",
      String(port),
      "--storage",
      join(dir, "data.duckdb"),
    ],
    { cwd: root, detached: true, stdio: ["ignore", "pipe", "pipe"] },
  );
  demo.stdout.on("data", (d) => (demoOutput += d));
  demo.stderr.on("data", (d) => (demoOutput += d));
  await waitFor(
    "the collector's /healthz",
    60_000,
    async () => (await fetch(`${base}/healthz`)).ok,
  );
  await waitFor("spans of all four demo services", 90_000, async () => {
    const result = await query({
      calculations: [{ op: "COUNT" }],
      breakdowns: ["service.name"],
    });
    const seen = result.totals.map((t) => t.group["service.name"]);
    return services.every((s) => seen.includes(s));
  });
  browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
});

after(async () => {
  await browser?.close().catch(() => {});
  if (demo && demo.exitCode === null && demo.signalCode === null) {
    const exited = new Promise((resolve) => demo.once("exit", resolve));
    killGroup("SIGTERM");
    const timer = setTimeout(() => killGroup("SIGKILL"), 10_000);
    await exited;
    clearTimeout(timer);
  }
  if (dir) await rm(dir, { recursive: true, force: true });
});

test("query → results → slowest traces → waterfall → span details", {
  timeout: 240_000,
}, async () => {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const pageErrors = [];
  page.on("pageerror", (e) => pageErrors.push(e.message));
  try {
    // The default query runs on load.
    await page.goto(`${base}/`);
    await page.waitForSelector(
      "[data-testid=query-page][aria-busy=false] [data-testid=result-row]",
    );

    // Build "P99(duration_ms) by service.name": keep one calculation and set it.
    const calcs = page.getByTestId("calculation");
    while ((await calcs.count()) > 1) await calcs.last().getByTestId("remove").click();
    await calcs.first().getByTestId("calc-op").selectOption("P99");
    await calcs.first().getByTestId("calc-column").fill("duration_ms");
    const breakdowns = page.getByTestId("breakdown-column");
    assert.deepEqual(await breakdowns.evaluateAll((els) => els.map((e) => e.value)), [
      "service.name",
    ]);
    await page.getByTestId("run-query").click();

    await page.waitForFunction(() => {
      const heads = [...document.querySelectorAll("[data-testid=results-table] th")];
      const busy = document.querySelector("[data-testid=query-page]")?.getAttribute("aria-busy");
      return (
        busy === "false" &&
        heads.map((th) => th.textContent).join("|") === "|service.name|P99(duration_ms)"
      );
    });
    const url = new URL(page.url());
    assert.equal(url.hash, "#/?calc=P99%28duration_ms%29&by=service.name&range=15m");
    assert.equal(await page.getByTestId("query-error").count(), 0);
    const rows = page.getByTestId("result-row");
    const groups = await rows.evaluateAll((els) => els.map((e) => JSON.parse(e.dataset.group)));
    const shown = groups.map((g) => g["service.name"]);
    for (const s of services) assert.ok(shown.includes(s), `service ${s} in results: ${shown}`);
    const p99s = await rows.evaluateAll((els) =>
      els.map((e) => e.cells[e.cells.length - 1].textContent),
    );
    for (const text of p99s)
      assert.match(text, /^\d[\d.,]* (ms|s)$|^0$/, "P99 shown as a duration");
    assert.equal(await page.getByTestId("line-chart").count(), 1, "one chart for one calculation");
    await page.screenshot({ path: join(shots, "query.png"), fullPage: true });

    // A row lists the slowest traces of its group (web is the demo's entry, so it has roots).
    await rows.nth(shown.indexOf("web")).click();
    const links = page.getByTestId("trace-link");
    await links.first().waitFor();
    assert.match(await page.getByTestId("slowest-traces").textContent(), /service\.name = web/);
    await page.screenshot({ path: join(shots, "slowest-traces.png"), fullPage: true });

    // Open the listed trace with the most spans, once its spans (sent by four processes) have
    // all arrived, so that the waterfall has nesting to show.
    const ids = await links.evaluateAll((els) => els.map((e) => e.dataset.traceId));
    for (const id of ids) assert.match(id, /^[0-9a-f]{32}$/);
    const sizes = await Promise.all(
      ids.map(async (id) => (await getJson(`/api/traces/${id}`)).spans.length),
    );
    const traceId = ids[sizes.indexOf(Math.max(...sizes))];
    let spans = [];
    await waitFor(`trace ${traceId} to stop growing`, 30_000, async () => {
      const before = spans.length;
      await new Promise((r) => setTimeout(r, 1500));
      spans = (await getJson(`/api/traces/${traceId}`)).spans;
      return spans.length > 0 && spans.length === before;
    });
    await page.locator(`[data-testid=trace-link][data-trace-id="${traceId}"]`).click();
    await page.waitForURL(`**/#/trace/${traceId}`);
    await page.getByTestId("waterfall-row").first().waitFor();
    spans = (await getJson(`/api/traces/${traceId}`)).spans;
    assert.ok(spans.length >= 2, `a demo request makes more than one span (${spans.length})`);
    // The slowest web requests are checkouts: web → auth, web → billing → resources.
    assert.deepEqual(
      [...new Set(spans.map((s) => s["service.name"]))].sort(),
      services,
      "the opened trace crosses all four demo services",
    );

    // Every span of the trace is a row at its depth (the list is virtualised: scroll through it).
    const waterfall = page.getByTestId("waterfall");
    assert.equal(Number(await waterfall.getAttribute("data-rows")), spans.length);
    const levels = await collectRowLevels(page);
    assert.deepEqual([...levels.keys()].sort(), spans.map((s) => s.span_id).sort());
    for (const s of spans) {
      assert.equal(levels.get(s.span_id), depthOf(s, spans) + 1, `depth of span ${s.name}`);
    }
    assert.equal(await page.getByTestId("trace-span-count").textContent(), `${spans.length} spans`);

    // A click on a span shows all its attributes (pick the span with the most).
    const attrsOf = (s) => Object.keys(s).filter((k) => !spanColumns.has(k));
    const span = spans.reduce((a, b) => (attrsOf(b).length > attrsOf(a).length ? b : a));
    assert.ok(attrsOf(span).length > 0, "demo spans carry attributes");
    await page.evaluate(() => {
      document.querySelector(".wf-scroll").scrollTop = 0;
    });
    const spanRow = page.locator(`[data-testid=waterfall-row][data-span-id="${span.span_id}"]`);
    await spanRow.scrollIntoViewIfNeeded();
    await spanRow.click();
    const details = page.getByTestId("span-details");
    await details.waitFor();
    assert.equal(await details.getAttribute("data-span-id"), span.span_id);
    assert.match(await details.locator("h2").textContent(), new RegExp(escapeRegExp(span.name)));
    for (const key of attrsOf(span)) {
      const item = details.locator(`[data-testid=span-attribute][data-key="${key}"] dd`);
      const expected =
        typeof span[key] === "object" ? JSON.stringify(span[key]) : String(span[key]);
      assert.equal(await item.textContent(), expected, `attribute ${key}`);
    }
    assert.ok(page.url().endsWith(`?span=${span.span_id}`), "the selected span is in the URL");
    await page.screenshot({ path: join(shots, "trace.png"), fullPage: true });

    // References: the parent is one click away; the service's metrics at the span's time too.
    const child = spans.find((s) => spans.some((p) => p.span_id === s.parent_span_id));
    await page.locator(`[data-testid=waterfall-row][data-span-id="${child.span_id}"]`).click();
    await page.getByTestId("ref-parent").click();
    await page.waitForURL(`**?span=${child.parent_span_id}`);
    const metricsLink = await page.getByTestId("service-metrics-link").getAttribute("href");
    const parent = spans.find((s) => s.span_id === child.parent_span_id);
    assert.match(
      metricsLink,
      new RegExp(`^#/metrics\\?service=${parent["service.name"]}&at=\\d+$`),
    );
    // The critical path starts at the root.
    const root = spans.find((s) => !spans.some((p) => p.span_id === s.parent_span_id));
    assert.equal(
      await page
        .locator(`[data-testid=waterfall-row][data-span-id="${root.span_id}"]`)
        .getAttribute("data-critical"),
      "",
    );

    // The metric catalogue lists the demo's declared metrics with their metadata.
    await waitFor("the demo's metrics to be exported", 30_000, async () => {
      const { metrics } = await getJson("/api/metrics");
      return metrics.some((m) => m.name === "/demo/billing/charge_count");
    });
    await page.getByRole("link", { name: "Metrics", exact: true }).click();
    await page.waitForURL("**/#/metrics");
    const charge = page.locator('[data-testid=metric-row][data-name="/demo/billing/charge_count"]');
    await charge.waitFor();
    const cells = await charge.locator("td").allTextContents();
    assert.deepEqual(cells.slice(0, 6), [
      "/demo/billing/charge_count",
      "counter",
      "1",
      "Charges attempted, by outcome.",
      "team-payments",
      "stable",
    ]);
    assert.match(cells[6], /services\/billing\.js:\d+$/, "the declaring source line");
    assert.equal(cells[7], "billing");
    await page.getByTestId("metrics-owner").selectOption("team-infra");
    const names = await page
      .getByTestId("metric-row")
      .evaluateAll((rows) => rows.map((r) => r.dataset.name));
    assert.deepEqual(names, ["/demo/resources/container_startup_latency"]);
    await page.getByTestId("metrics-owner").selectOption("");
    assert.deepEqual(pageErrors, []);
  } catch (err) {
    await page.screenshot({ path: join(shots, "failure.png"), fullPage: true }).catch(() => {});
    err.message += `\n--- demo output ---\n${demoOutput.slice(-4000)}`;
    throw err;
  } finally {
    await page.close();
  }
});

test("a 100,000-span trace: first paint, virtualised rows, search, critical path, collapse", {
  timeout: 120_000,
}, async () => {
  const traceId = "ab".repeat(16);
  const spans = bigTrace(traceId);
  for (let i = 0; i < spans.length; i += 10_000) {
    const response = await fetch(`${base}/v1/traces`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(otlp(spans.slice(i, i + 10_000))),
    });
    assert.equal(response.status, 200, await response.text());
  }
  await waitFor("the 100k-span trace to be stored", 60_000, async () => {
    const { spans: stored } = await getJson(`/api/traces/${traceId}`);
    return stored.length === spans.length;
  });
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const pageErrors = [];
  page.on("pageerror", (e) => pageErrors.push(e.message));
  try {
    await page.goto(`${base}/#/metrics`); // load the app first: time the trace alone
    await page.getByTestId("metrics-page").waitFor();
    const started = Date.now();
    await page.evaluate((id) => {
      location.hash = `#/trace/${id}`;
    }, traceId);
    await page.waitForSelector("[data-testid=waterfall][data-paint-ms]", { timeout: 60_000 });
    const wallMs = Date.now() - started;
    const paintMs = Number(await page.getByTestId("waterfall").getAttribute("data-paint-ms"));
    console.log(`100k-span trace: first paint ${paintMs} ms after the data, ${wallMs} ms in all`);
    assert.ok(paintMs <= 1000, `first paint of 100k spans after the data arrived: ${paintMs} ms`);
    assert.equal(await page.getByTestId("trace-span-count").textContent(), "100001 spans");
    const waterfall = page.getByTestId("waterfall");
    assert.equal(Number(await waterfall.getAttribute("data-rows")), spans.length);
    const inDom = await page.getByTestId("waterfall-row").count();
    assert.ok(inDom < 150, `only visible rows are in the DOM (${inDom})`);

    // Scrolling to the middle shows the rows there.
    await page.evaluate(() => {
      const el = document.querySelector(".wf-scroll");
      el.scrollTop = el.scrollHeight / 2;
    });
    await page.waitForFunction(() =>
      [...document.querySelectorAll("[data-testid=waterfall-row]")].some((r) =>
        r.textContent.includes("item 5"),
      ),
    );

    // The critical path: the root, every (serial) batch, and in each the item ending last.
    const onPath = await page.locator("[data-testid=waterfall-row][data-critical]").count();
    assert.ok(onPath > 0, "critical rows are marked");
    assert.match(await page.locator(".trace-tools").textContent(), /Critical path \(2001 spans\)/);

    // Search: the one span with the needle attribute, selected and scrolled to.
    await page.getByTestId("trace-find").fill("needle-42");
    await page.getByTestId("trace-find").press("Enter");
    await page.waitForURL(`**/#/trace/${traceId}?span=${needleId}`);
    await page.getByTestId("span-details").waitFor();
    assert.equal(await page.getByTestId("trace-find-count").textContent(), "1 / 1 matches");
    assert.equal(
      await page.locator(`[data-testid=waterfall-row][data-span-id="${needleId}"]`).count(),
      1,
      "the match's row is rendered",
    );
    await page.screenshot({ path: join(shots, "trace-100k.png") });

    // Collapse the root: one row left.
    await page.evaluate(() => {
      document.querySelector(".wf-scroll").scrollTop = 0;
    });
    await page.locator("[data-testid=waterfall-row]").first().locator(".caret").click();
    await page.waitForFunction(
      () => document.querySelector("[data-testid=waterfall]").dataset.rows === "1",
    );
    assert.deepEqual(pageErrors, []);
  } finally {
    await page.close();
  }
});

test("service map and call graph from stored spans, clickable into queries", {
  timeout: 60_000,
}, async () => {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  try {
    await page.goto(`${base}/#/map?range=15m`);
    await page.getByTestId("service-map").waitFor();
    const nodes = await page
      .getByTestId("graph-node")
      .evaluateAll((els) => els.map((e) => e.dataset.service));
    for (const s of services) assert.ok(nodes.includes(s), `service ${s} on the map: ${nodes}`);
    const edges = await page
      .getByTestId("graph-edge")
      .evaluateAll((els) => els.map((e) => `${e.dataset.from}>${e.dataset.to}`));
    for (const e of ["web>auth", "web>billing", "billing>resources"]) {
      assert.ok(edges.includes(e), `edge ${e}: ${edges}`);
    }
    // Independent check: the edge's calls are the callgraph's cross-service calls.
    const graph = await getJson("/api/callgraph?last=900");
    const expected = graph.edges
      .filter((e) => e.caller.service === "web" && e.callee.service === "auth")
      .reduce((sum, e) => sum + e.calls, 0);
    const shown = Number(
      await page
        .locator("[data-testid=graph-edge][data-from=web][data-to=auth]")
        .getAttribute("data-calls"),
    );
    assert.ok(Math.abs(shown - expected) <= expected * 0.2 + 5, `${shown} vs ${expected}`);
    // The edge shows the p99 of web's calls into auth, as the API computed it.
    const edge = page.locator("[data-testid=graph-edge][data-from=web][data-to=auth]");
    const p99 = Number(await edge.getAttribute("data-p99"));
    const pair = graph.services.find((p) => p.caller === "web" && p.callee === "auth");
    assert.ok(p99 > 0 && Math.abs(p99 - pair.p99Ms) <= pair.p99Ms * 0.5, `${p99} vs ${pair.p99Ms}`);
    assert.match(await edge.locator(".edge-label").textContent(), /p99 /);
    await page.screenshot({ path: join(shots, "service-map.png") });

    await page.getByTestId("view-calls").click();
    await page.getByTestId("call-graph").waitFor();
    await page.getByTestId("callgraph-table").waitFor();
    await page.screenshot({ path: join(shots, "call-graph.png"), fullPage: true });

    await page.locator('[data-testid=graph-node][data-name="session lookup"]').click();
    await page.waitForURL(/#\/\?/);
    const params = new URL(page.url().replace("#/?", "?")).searchParams;
    assert.deepEqual(params.getAll("where"), ["service.name|=|auth", "name|=|session lookup"]);
    await page.waitForSelector(
      "[data-testid=query-page][aria-busy=false] [data-testid=result-row]",
    );
    const rows = await page.getByTestId("result-row").count();
    assert.equal(rows, 1);
  } finally {
    await page.close();
  }
});

test("metric catalogue: search, filters, details, one-click chart", {
  timeout: 60_000,
}, async () => {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  try {
    await waitFor("the demo's metrics to be exported", 30_000, async () => {
      const { metrics } = await getJson("/api/metrics");
      return metrics.some((m) => m.name === "/demo/resources/container_startup_latency");
    });
    await page.goto(`${base}/#/metrics`);
    await page.getByTestId("metric-row").first().waitFor();
    await page.getByTestId("metrics-owner").selectOption("team-payments");
    const names = await page
      .getByTestId("metric-row")
      .evaluateAll((rows) => rows.map((r) => r.dataset.name));
    assert.deepEqual(names, ["/demo/billing/charge_count"]);
    await page.getByTestId("metrics-owner").selectOption("");
    await page.getByTestId("metrics-prefix").selectOption("/proc/memory/");
    const memory = await page
      .getByTestId("metric-row")
      .evaluateAll((rows) => rows.map((r) => r.dataset.name));
    assert.ok(memory.length > 0 && memory.every((n) => n.startsWith("/proc/memory/")), `${memory}`);
    await page.getByTestId("metrics-prefix").selectOption("");
    const latency = page.locator(
      '[data-testid=metric-row][data-name="/demo/resources/container_startup_latency"]',
    );
    await latency.click();
    const details = page.getByTestId("metric-details");
    assert.match(await details.textContent(), /tags\s*image/);
    await page.screenshot({ path: join(shots, "metrics.png"), fullPage: true });

    // A distribution charts as P50, P99 and a heatmap.
    await latency.getByTestId("metric-chart").click();
    await page.waitForSelector(
      "[data-testid=query-page][aria-busy=false] [data-testid=result-row]",
    );
    const calcs = await page
      .locator("[data-testid=line-chart], [data-testid=heatmap]")
      .evaluateAll((els) => els.map((e) => e.dataset.calc));
    assert.deepEqual(calcs, ["P50", "P99", "HEATMAP"]);
    assert.equal(await page.getByTestId("dataset").inputValue(), "metrics");
    await page.screenshot({ path: join(shots, "metric-chart.png"), fullPage: true });
  } finally {
    await page.close();
  }
});

test("query builder: history, AND/OR, order, having, compare, brush → BubbleUp, exemplar", {
  timeout: 90_000,
}, async () => {
  const probe = await fetch(`${base}/api/query`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      dataset: "spans",
      time_range: { last: 60 },
      filters: { op: "OR", filters: [] },
      order_by: [{ key: "COUNT" }],
      having: [{ calculation: "COUNT", op: ">", value: 0 }],
      compare: { offset: 60 },
    }),
  });
  assert.equal(probe.status, 200, await probe.text());
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  const pageErrors = [];
  page.on("pageerror", (e) => pageErrors.push(e.message));
  try {
    // Two filters combined with OR: checked against the API's own answer.
    const hash =
      "#/?calc=COUNT&calc=HEATMAP(duration_ms)&where=service.name|=|auth&where=service.name|=|billing&match=any&by=service.name&range=15m";
    await page.goto(`${base}/${hash}`);
    await page.waitForSelector(
      "[data-testid=query-page][aria-busy=false] [data-testid=result-row]",
    );
    const shown = await page
      .getByTestId("result-row")
      .evaluateAll((els) => els.map((e) => JSON.parse(e.dataset.group)["service.name"]).sort());
    assert.deepEqual(shown, ["auth", "billing"]);
    assert.equal(await page.getByTestId("filter-match").inputValue(), "any");
    // The run went into the history.
    const history = await page.evaluate(() => localStorage.getItem("sonde.query-history"));
    assert.match(history, /match=any/);
    await page.screenshot({ path: join(shots, "query-or.png"), fullPage: true });

    const probe = await fetch(`${base}/api/bubbleup`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ dataset: "spans", time_range: { last: 900 }, selection: {} }),
    });
    assert.equal(probe.status, 200, await probe.text());
    // Brush a region of the heatmap up to its right edge (the demo's spans are the last
    // minute or two of the 15-minute range): BubbleUp ranks attributes.
    const heat = page.locator("[data-testid=heatmap] .u-over");
    const box = await heat.boundingBox();
    // The slow upper half of the last tenth of the range: slow spans against the rest.
    await page.mouse.move(box.x + box.width * 0.9, box.y + 1);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width - 1, box.y + box.height * 0.5, { steps: 5 });
    await page.mouse.up();
    await page.getByTestId("bubbleup").waitFor();
    await page.waitForSelector(
      "[data-testid=bubbleup-column], [data-testid=bubbleup] .query-error",
    );
    const apiError = page.locator("[data-testid=bubbleup] .query-error");
    assert.equal(await apiError.count(), 0, await apiError.textContent().catch(() => ""));
    // A real comparison: spans on both sides.
    const sides = await page.getByTestId("bubbleup-counts").textContent();
    const [selected, baseline] = [...sides.matchAll(/([\d,]+) spans/g)].map((m) =>
      Number(m[1].replace(/,/g, "")),
    );
    assert.ok(selected > 0 && baseline > 0, sides);
    await page.screenshot({ path: join(shots, "bubbleup.png"), fullPage: true });

    // Order by COUNT ascending, having COUNT > 0, compare: the previous period is charted.
    await page.goto(
      `${base}/#/?calc=COUNT&by=service.name&order=COUNT|asc&having=COUNT|>|0&compare=1&range=5m`,
    );
    // The same page shows the previous query's rows until this one's answer arrives: wait for
    // the table and the chart of this query (each group with a compared line).
    await page.waitForFunction(() => {
      const rows = document.querySelectorAll(
        "[data-testid=query-page][aria-busy=false] [data-testid=result-row]",
      ).length;
      const chart = document.querySelector("[data-testid=line-chart]");
      return rows > 0 && Number(chart?.getAttribute("data-series")) === 2 * rows;
    });
    const counts = await page
      .getByTestId("result-row")
      .evaluateAll((els) =>
        els.map((e) => Number(e.cells[e.cells.length - 1].textContent.replace(/,/g, ""))),
      );
    assert.deepEqual(
      counts,
      [...counts].sort((a, b) => a - b),
      "ascending by COUNT",
    );
    const series = Number(await page.getByTestId("line-chart").getAttribute("data-series"));
    assert.equal(series, 2 * counts.length, "a dashed previous-period line per group");
    await page.screenshot({ path: join(shots, "query-compare.png"), fullPage: true });

    // A click on a point opens its exemplar trace.
    const over = page.locator("[data-testid=line-chart] .u-over");
    const area = await over.boundingBox();
    // Near the right edge: the demo's spans are its last minute or two.
    await page.mouse.click(area.x + area.width * 0.97, area.y + area.height * 0.5);
    await page.waitForURL(/#\/trace\/[0-9a-f]{32}\?span=/, { timeout: 10_000 });
    await page.getByTestId("waterfall-row").first().waitFor();
    assert.deepEqual(pageErrors, []);
  } finally {
    await page.close();
  }
});

test("trace search: filters before the limit, sorted by duration, click → trace", {
  timeout: 60_000,
}, async () => {
  const probe = await fetch(`${base}/api/traces/search`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ time_range: { last: 900 }, limit: 1 }),
  });
  assert.equal(probe.status, 200, await probe.text());
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  try {
    await page.goto(`${base}/#/traces?service=billing&range=15m&sort=duration&dir=desc`);
    await page.getByTestId("trace-result").first().waitFor();
    const durations = await page
      .getByTestId("trace-result")
      .evaluateAll((els) => els.map((e) => Number(e.dataset.duration)));
    assert.deepEqual(
      durations,
      [...durations].sort((a, b) => b - a),
    );
    await page.screenshot({ path: join(shots, "trace-search.png"), fullPage: true });
    const id = await page.getByTestId("trace-result").first().getAttribute("data-trace-id");
    await page.getByTestId("trace-result").first().click();
    await page.waitForURL(`**/#/trace/${id}`);
    await page.getByTestId("waterfall-row").first().waitFor();
  } finally {
    await page.close();
  }
});

/** The span the 100k-span trace's search looks for. */
const needleId = "0000000000abcdef";

/**
 * A trace of 100,001 spans: a root, 1,000 serial batches under it (10 ms apart, 9 ms long),
 * 99 items in each (parallel, the last one ending last); one item carries `needle-42`.
 */
function bigTrace(traceId) {
  const t0 = BigInt(Date.now() - 60_000) * 1_000_000n;
  const ms = (x) => String(t0 + BigInt(Math.round(x * 1e6)));
  const id = (n) => n.toString(16).padStart(16, "0");
  const spans = [{ traceId, spanId: id(1), name: "load test", start: 0, end: 10_000 }];
  let next = 2;
  for (let b = 0; b < 1000; b++) {
    const batch = id(next++);
    spans.push({
      traceId,
      spanId: batch,
      parentSpanId: id(1),
      name: `batch ${b}`,
      start: b * 10,
      end: b * 10 + 9,
    });
    for (let i = 0; i < 99; i++) {
      const spanId = b === 500 && i === 42 ? needleId : id(next++);
      spans.push({
        traceId,
        spanId,
        parentSpanId: batch,
        name: `item ${b}.${i}`,
        start: b * 10 + 0.5,
        end: b * 10 + 1 + (i * 7) / 99,
        attributes:
          b === 500 && i === 42 ? [{ key: "tag", value: { stringValue: "needle-42" } }] : [],
      });
    }
  }
  return spans.map((s) => ({
    traceId: s.traceId,
    spanId: s.spanId,
    parentSpanId: s.parentSpanId ?? "",
    name: s.name,
    kind: 1,
    startTimeUnixNano: ms(s.start),
    endTimeUnixNano: ms(s.end),
    attributes: s.attributes ?? [],
    status: {},
  }));
}

function otlp(spans) {
  return {
    resourceSpans: [
      {
        resource: { attributes: [{ key: "service.name", value: { stringValue: "loadgen" } }] },
        scopeSpans: [{ scope: { name: "ui-test" }, spans }],
      },
    ],
  };
}

/** Span id → tree level (aria-level) of every waterfall row; scrolls the virtualised list. */
async function collectRowLevels(page) {
  const levels = new Map();
  await page.evaluate(() => {
    document.querySelector(".wf-scroll").scrollTop = 0;
  });
  for (;;) {
    const { visible, done } = await page.evaluate(async () => {
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      const el = document.querySelector(".wf-scroll");
      const rows = document.querySelectorAll("[data-testid=waterfall-row]");
      const done = el.scrollTop + el.clientHeight >= el.scrollHeight - 1;
      el.scrollTop += el.clientHeight;
      return { visible: [...rows].map((r) => [r.dataset.spanId, Number(r.ariaLevel)]), done };
    });
    for (const [id, level] of visible) levels.set(id, level);
    if (done) return levels;
  }
}

/** Depth of a span in its trace: 0 for a root or a span whose parent is not in the trace. */
function depthOf(span, spans) {
  const byId = new Map(spans.map((s) => [s.span_id, s]));
  let depth = 0;
  for (
    let p = byId.get(span.parent_span_id);
    p && depth < spans.length;
    p = byId.get(p.parent_span_id)
  ) {
    depth++;
  }
  return depth;
}

async function query(body) {
  const response = await fetch(`${base}/api/query`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ dataset: "spans", time_range: { last: 900 }, ...body }),
  });
  assert.equal(response.status, 200, await response.clone().text());
  return response.json();
}

async function getJson(path) {
  const response = await fetch(`${base}${path}`);
  assert.equal(response.status, 200, `${path}: ${response.status}`);
  return response.json();
}

test("errors, events, annotations and a trace's logs from the demo's signals", {
  timeout: 240_000,
}, async () => {
  // Wait for an owned error group with an example trace (resources reports quota problems)
  // and for the billing config event.
  let group;
  await waitFor("an owned error group with a trace", 180_000, async () => {
    const r = await (await fetch(`${base}/api/errors/groups?last=15m`)).json();
    group = r.groups.find((g) => g.owner && g.example_traces.length > 0);
    return group !== undefined;
  });
  // The example trace's log lines travel separately from its error: wait until both are in.
  await waitFor("the example trace's logs and error", 60_000, async () => {
    const r = await (await fetch(`${base}/api/traces/${group.example_traces[0]}/logs`)).json();
    return (
      r.logs.some((l) => /checkout started/.test(l.body)) &&
      r.errors.some((e) => e.type === group.type)
    );
  });
  await waitFor("a config_changed event", 60_000, async () => {
    const r = await (await fetch(`${base}/api/events?last=15m&q=card_retries`)).json();
    return r.events.length > 0;
  });
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const pageErrors = [];
  page.on("pageerror", (e) => pageErrors.push(e.message));
  try {
    // Errors page: the group with its owner, counts over time, and a trace link.
    await page.goto(`${base}/#/errors?range=15m`);
    const row = page.locator(`[data-testid=error-group][data-fingerprint="${group.fingerprint}"]`);
    await row.waitFor();
    assert.equal(await row.getByTestId("error-owner").textContent(), group.owner);
    assert.ok(Number(await row.getByTestId("error-count").textContent()) >= 1);
    assert.ok((await row.locator("[data-testid=sparkbars] rect").count()) >= 10);
    await page.screenshot({ path: join(shots, "errors.png") });

    // Its example trace opens the trace view, which lists that trace's logs and errors.
    await row.getByTestId("error-trace").first().click();
    await page.waitForSelector("[data-testid=trace-header]");
    assert.match(page.url(), new RegExp(`#/trace/${group.example_traces[0]}`));
    await page.waitForSelector("[data-testid=trace-log]");
    const lines = await page.getByTestId("trace-log").allTextContents();
    assert.ok(
      lines.some((l) => /checkout started/.test(l)),
      lines.join("\n"),
    );
    assert.ok(
      lines.some((l) => l.includes(group.type)),
      lines.join("\n"),
    );
    await page.getByTestId("trace-log-span").first().click();
    await page.waitForFunction(() => location.hash.includes("span="));

    // Events page: searching narrows the log to the config changes.
    await page.goto(`${base}/#/events?range=15m`);
    await page.waitForSelector("[data-testid=event-row]");
    await page.getByTestId("events-search").fill("card_retries");
    await page.getByTestId("events-search").press("Enter");
    await page.waitForFunction(() => location.hash.includes("q=card_retries"));
    await page.waitForSelector("[data-testid=event-row]");
    const names = await page.getByTestId("event-name").allTextContents();
    assert.ok(names.length > 0);
    assert.ok(
      names.every((n) => n === "/demo/billing/config_changed"),
      names.join(", "),
    );
    await page.screenshot({ path: join(shots, "events.png") });

    // A query of billing's spans draws the event as a marker on its charts; hover tells it.
    await page.goto(`${base}/#/?calc=COUNT&where=service.name|=|billing&range=15m`);
    const marker = page.locator("[data-testid=line-chart] [data-testid=annotation]:not([hidden])");
    await marker.first().waitFor();
    assert.equal(await marker.first().getAttribute("data-name"), "/demo/billing/config_changed");
    assert.match(await marker.first().getAttribute("title"), /card_retries/);
    await page.screenshot({ path: join(shots, "annotations.png") });
    assert.deepEqual(pageErrors, []);
  } finally {
    await page.close();
  }
});

/** Polls `check` every 250 ms until it returns true; fails after `ms` or if the demo exits. */
async function waitFor(what, ms, check) {
  const deadline = Date.now() + ms;
  let last;
  while (Date.now() < deadline) {
    if (demo.exitCode !== null || demo.signalCode !== null) {
      throw new Error(`the demo exited (${demo.exitCode ?? demo.signalCode}):\n${demoOutput}`);
    }
    try {
      if (await check()) return;
    } catch (err) {
      last = err;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${last.message}` : ""}\n${demoOutput}`);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function killGroup(signal) {
  try {
    process.kill(-demo.pid, signal);
  } catch {
    // Already gone.
  }
}

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
