import { closeSync, mkdirSync, openSync, writeSync } from "node:fs";
import { dirname } from "node:path";
import { diag } from "@sonde/api";

/** Where log lines are written: anything with a `write(line)` method, e.g. a stream. */
export interface LineSink {
  write(line: string): unknown;
}

// Characters buffered before a write regardless of the tick: bounds the memory held and what a
// crash that bypasses the exit hooks (SIGKILL) can lose.
const MAX_BUFFER = 64 * 1024;
// How long a write may wait for a full non-blocking pipe (EAGAIN) before dropping the data.
const EAGAIN_TIMEOUT_MS = 1000;
const sleeper = new Int32Array(new SharedArrayBuffer(4));

/**
 * A file descriptor (stdout, stderr or a file opened for appending) written with synchronous
 * `write(2)` calls, batched: lines written in one tick of the event loop go out together at
 * the next `setImmediate` (or once 64 KiB are waiting), and {@link flushSync} writes the rest
 * now. No write is ever in flight in another thread, so whatever `flushSync` wrote is in the
 * kernel even if the process exits right after (unlike an asynchronous writer). A full pipe
 * is retried for up to a second, then the data is dropped and counted (`log_write_failed`);
 * the destination never throws.
 */
export class FileDestination implements LineSink {
  /** Bytes dropped because they could not be written. */
  droppedBytes = 0;
  readonly #fd: number;
  readonly #owned: boolean;
  #buffer = "";
  #scheduled = false;
  #broken = false;

  /** `target`: `"stdout"`, `"stderr"`, a file descriptor, or a file path (created, appended). */
  constructor(target: "stdout" | "stderr" | number | string) {
    if (target === "stdout") this.#fd = 1;
    else if (target === "stderr") this.#fd = 2;
    else if (typeof target === "number") this.#fd = target;
    else {
      mkdirSync(dirname(target), { recursive: true });
      this.#fd = openSync(target, "a");
    }
    this.#owned = typeof target === "string" && target !== "stdout" && target !== "stderr";
  }

  readonly #onTick = () => {
    this.#scheduled = false;
    this.flushSync();
  };

  write(line: string): boolean {
    this.#buffer += line;
    if (this.#buffer.length >= MAX_BUFFER) this.flushSync();
    else if (!this.#scheduled) {
      this.#scheduled = true;
      setImmediate(this.#onTick).unref();
    }
    return true;
  }

  /** Writes everything buffered now, synchronously. Never throws. */
  flushSync(): void {
    if (this.#buffer === "") return;
    const data = Buffer.from(this.#buffer);
    this.#buffer = "";
    if (this.#broken) {
      this.droppedBytes += data.length;
      return;
    }
    let offset = 0;
    let deadline = 0;
    while (offset < data.length) {
      try {
        offset += writeSync(this.#fd, data, offset);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === "EAGAIN") {
          deadline ||= Date.now() + EAGAIN_TIMEOUT_MS;
          if (Date.now() < deadline) {
            Atomics.wait(sleeper, 0, 0, 1);
            continue;
          }
        }
        if (code === "EPIPE" || code === "EBADF") this.#broken = true;
        this.droppedBytes += data.length - offset;
        diag.report({
          code: "log_write_failed",
          message: `log lines could not be written (${code ?? String(error)}); dropped`,
          key: String(this.#fd),
          error,
        });
        return;
      }
    }
  }

  /** Flushes and closes the file if this destination opened it. Never throws. */
  close(): void {
    this.flushSync();
    if (!this.#owned || this.#broken) return;
    this.#broken = true;
    try {
      closeSync(this.#fd);
    } catch {
      // Already closed.
    }
  }
}
