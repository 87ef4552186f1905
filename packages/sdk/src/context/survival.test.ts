// The active context must follow the work it belongs to. AsyncLocalStorage does that by itself
// across await, timers, promise combinators and streams driven from the same request; it
// cannot know where a callback stored for later belongs (an emitter fed by another part of the
// program, a queue drained by a pool loop). Each test shows the native behavior with real
// objects and, where ALS alone gets it wrong, the helper that fixes it.
import assert from "node:assert/strict";
import { EventEmitter, once } from "node:events";
import { readFile } from "node:fs/promises";
import { PassThrough, pipeline, Readable, Transform, Writable } from "node:stream";
import { pipeline as pipelinePromise } from "node:stream/promises";
import { after, before, test } from "node:test";
import { setTimeout as sleep, setImmediate as tick } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { context, type Span, trace } from "@sonde/api";
import { InMemoryExporter } from "../export/memory.js";
import { type SondeHandle, startSonde } from "../start.js";
import { bindEmitter } from "../trace/bind-emitter.js";
import { bindContext } from "./bind.js";

const exporter = new InMemoryExporter();
const tracer = trace.getTracer("survival-test");
let sonde: SondeHandle;

before(() => {
  sonde = startSonde({
    serviceName: "survival-test",
    exporter,
    instrumentHttp: false,
    onDiagnostic: () => {},
  });
});
after(() => sonde.shutdown());

const nameOf = new WeakMap<Span, string>();

/** The name of the active span, "none" outside any. */
function active(): string {
  const span = trace.activeSpan();
  return span === undefined ? "none" : (nameOf.get(span) ?? "?");
}

/** Runs `fn` in a new active span called `name`. */
function inSpan<R>(name: string, fn: () => R): R {
  return tracer.startActiveSpan(name, (span) => {
    nameOf.set(span, name);
    return fn();
  });
}

test("await: real I/O and timers in between keep the span", async () => {
  const seen = await inSpan("request", async () => {
    const marks = [active()];
    await readFile(fileURLToPath(import.meta.url));
    marks.push(active());
    await sleep(2);
    marks.push(active());
    await tick();
    marks.push(active());
    return marks;
  });
  assert.deepEqual(seen, ["request", "request", "request", "request"]);
  assert.equal(active(), "none");
});

test("timers: setTimeout, setInterval, setImmediate and process.nextTick callbacks", async () => {
  const seen: string[] = [];
  await inSpan("request", async () => {
    await new Promise<void>((resolve) => {
      setTimeout(() => seen.push(`timeout:${active()}`), 1);
      setImmediate(() => seen.push(`immediate:${active()}`));
      process.nextTick(() => seen.push(`nextTick:${active()}`));
      let ticks = 0;
      const interval = setInterval(() => {
        seen.push(`interval:${active()}`);
        if (++ticks === 2) {
          clearInterval(interval);
          resolve();
        }
      }, 3);
    });
  });
  assert.deepEqual(seen.sort(), [
    "immediate:request",
    "interval:request",
    "interval:request",
    "nextTick:request",
    "timeout:request",
  ]);
});

test("Promise.all, allSettled and race: each branch keeps its own span", async () => {
  const branch = (name: string, ms: number) =>
    inSpan(name, async () => {
      await sleep(ms);
      const first = active();
      await Promise.resolve();
      return `${first}/${active()}`;
    });
  const result = await inSpan("request", async () => {
    const all = await Promise.all([branch("a", 6), branch("b", 1), branch("c", 3)]);
    const settled = await Promise.allSettled([branch("d", 2), branch("e", 1)]);
    const raced = await Promise.race([branch("f", 1), sleep(50).then(() => "late")]);
    return {
      all,
      settled: settled.map((s) => s.status === "fulfilled" && s.value),
      raced,
      after: active(),
    };
  });
  assert.deepEqual(result, {
    all: ["a/a", "b/b", "c/c"],
    settled: ["d/d", "e/e"],
    raced: "f/f",
    after: "request",
  });
});

test("EventEmitter: a listener runs in the emitter's caller context; bindEmitter fixes it", async () => {
  // A long-lived emitter fed from elsewhere (here: a timer started outside any span).
  const feed = new EventEmitter();
  const bound = new EventEmitter();
  const seen: Record<string, string> = {};
  inSpan("subscriber", () => {
    feed.on("message", () => {
      seen.plain = active();
    });
    bindEmitter(bound);
    const listener = () => {
      seen.bound = active();
    };
    bound.on("message", listener);
    bound.once("message", () => {
      seen.once = active();
    });
    // Emitting synchronously inside the span needs nothing.
    feed.emit("sync");
    bound.prependListener("removed", listener);
    bound.off("removed", listener);
  });
  setTimeout(() => {
    feed.emit("message");
    bound.emit("message");
  }, 1);
  await once(bound, "message");
  assert.deepEqual(seen, { plain: "none", bound: "subscriber", once: "subscriber" });
  assert.equal(bound.listenerCount("removed"), 0, "listeners stay removable by the original");
  assert.equal(bound.listenerCount("message"), 1, "once listeners are removed after one call");
});

test("streams: a pipeline built and fed in a span keeps it in every stage", async () => {
  const seen = new Set<string>();
  await inSpan("request", async () => {
    await pipelinePromise(
      Readable.from(
        (async function* () {
          for (const word of ["a", "b", "c"]) {
            await sleep(1);
            seen.add(`source:${active()}`);
            yield word;
          }
        })(),
      ),
      new Transform({
        transform(chunk, _encoding, done) {
          seen.add(`transform:${active()}`);
          setImmediate(() => done(null, String(chunk).toUpperCase()));
        },
      }),
      new Writable({
        write(_chunk, _encoding, done) {
          seen.add(`sink:${active()}`);
          done();
        },
      }),
    );
    await new Promise<void>((resolve, reject) =>
      pipeline(
        Readable.from(["x"]),
        new PassThrough(),
        new Writable({ write: (_c, _e, d) => d() }),
        (error) => {
          seen.add(`callback:${active()}`);
          return error ? reject(error) : resolve();
        },
      ),
    );
  });
  assert.deepEqual([...seen].sort(), [
    "callback:request",
    "sink:request",
    "source:request",
    "transform:request",
  ]);
});

test("streams: a source fed from elsewhere runs the pipeline in the producer's context unless bound", async () => {
  /** Pipes `source` through a transform in a span; resolves with what the transform saw. */
  const consume = (source: PassThrough, bind: boolean) =>
    inSpan(bind ? "bound" : "plain", async () => {
      const seen = new Set<string>();
      await pipelinePromise(
        bind ? bindEmitter(source) : source,
        new Transform({
          transform(chunk, _encoding, done) {
            seen.add(active());
            done(null, chunk);
          },
        }),
        new Writable({
          write(_chunk, _encoding, done) {
            seen.add(`sink:${active()}`);
            done();
          },
        }),
      );
      return [...seen];
    });
  // Producers started outside any span, as a socket or a shared feed would be.
  const plainSource = new PassThrough();
  const boundSource = new PassThrough();
  const produce = (source: PassThrough) =>
    setTimeout(() => {
      source.write("1");
      setTimeout(() => source.end("2"), 2);
    }, 2);
  produce(plainSource);
  produce(boundSource);
  const [plain, bound] = await Promise.all([
    consume(plainSource, false),
    consume(boundSource, true),
  ]);
  assert.ok(plain.includes("none"), `without binding the transform ran in ${plain}`);
  assert.deepEqual(bound.sort(), ["bound", "sink:bound"]);
});

/** A worker pool: `size` loops, started once, take jobs from a shared queue. */
class Pool {
  readonly #jobs: Array<() => Promise<void>> = [];
  readonly #waiting: Array<() => void> = [];

  constructor(size: number) {
    for (let i = 0; i < size; i++) void this.#loop();
  }

  submit(job: () => Promise<void>): void {
    this.#jobs.push(job);
    this.#waiting.shift()?.();
  }

  async #loop(): Promise<void> {
    for (;;) {
      const job = this.#jobs.shift();
      if (job === undefined) await new Promise<void>((resolve) => this.#waiting.push(resolve));
      else await job().catch(() => {});
    }
  }
}

test("worker pool: a queued job runs in the pool loop's context unless bound with bindContext", async () => {
  const pool = new Pool(2); // started outside any span
  const seen: Record<string, string> = {};
  const done: Array<Promise<void>> = [];
  const job = (label: string) => {
    let finished!: () => void;
    done.push(new Promise((resolve) => (finished = resolve)));
    return async () => {
      await sleep(1);
      seen[label] = active();
      tracer.startSpan(`child-of-${label}`).end();
      finished();
    };
  };
  const submitterIds: Record<string, string> = {};
  for (const name of ["request-1", "request-2"]) {
    inSpan(name, () => {
      submitterIds[name] = trace.activeSpan()?.spanContext().spanId ?? "";
      pool.submit(job(`${name}:plain`));
      pool.submit(bindContext(job(`${name}:bound`)));
    });
  }
  await Promise.all(done);
  assert.deepEqual(seen, {
    "request-1:plain": "none",
    "request-1:bound": "request-1",
    "request-2:plain": "none",
    "request-2:bound": "request-2",
  });
  await sonde.forceFlush();
  const spans = new Map(exporter.spans().map((span) => [span.name, span]));
  for (const name of ["request-1", "request-2"]) {
    assert.equal(spans.get(`child-of-${name}:bound`)?.parentSpanId, submitterIds[name]);
    assert.equal(
      spans.get(`child-of-${name}:plain`)?.parentSpanId,
      "",
      "a plain job starts a new trace",
    );
  }
});

test("bindContext keeps this, arguments, results and exceptions; binds to an explicit context", () => {
  const target = {
    factor: 3,
    times(this: { factor: number }, n: number) {
      return [this.factor * n, active()];
    },
  };
  const later = inSpan("binder", () => bindContext(target.times));
  assert.deepEqual(later.call(target, 2), [6, "binder"]);
  const explicit = inSpan("explicit", () => context.active());
  const report = bindContext(() => active(), explicit);
  assert.equal(inSpan("elsewhere", report), "explicit");
  const failing = inSpan("binder", () =>
    bindContext(() => {
      throw new RangeError(`boom in ${active()}`);
    }),
  );
  assert.throws(failing, { name: "RangeError", message: "boom in binder" });
});
