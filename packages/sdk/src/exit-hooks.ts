// Listeners that only flush (Sonde's logging marks its own): they do not decide to exit.
const FLUSH_ONLY = Symbol.for("sonde.exit.flush_only");

function deciders(signal: NodeJS.Signals): number {
  return process
    .listeners(signal)
    .filter((l) => !(l as unknown as Record<symbol, unknown>)[FLUSH_ONLY]).length;
}

/**
 * Sends what is left when the process ends: on `beforeExit` (the event loop ran dry) and on
 * SIGTERM and SIGINT. When Sonde's is the only listener of a signal that may decide to exit
 * (listeners marked `Symbol.for("sonde.exit.flush_only")` only flush) it shuts down (bounded by
 * the deadline `shutdown` applies) and then re-raises the signal, so the process ends as it
 * would have without Sonde; when the application listens too, Sonde only flushes and leaves
 * the decision to exit to the application. Returns a function that removes the hooks.
 */
export function installExitHooks(hooks: {
  flush: () => Promise<void>;
  shutdown: () => Promise<void>;
}): () => void {
  const onBeforeExit = () => void hooks.shutdown();
  const onSignal = (signal: NodeJS.Signals) => {
    if (deciders(signal) > 1) {
      void hooks.flush();
      return;
    }
    remove();
    void hooks.shutdown().then(() => process.kill(process.pid, signal));
  };
  const remove = () => {
    process.off("beforeExit", onBeforeExit);
    process.off("SIGTERM", onSignal);
    process.off("SIGINT", onSignal);
  };
  process.on("beforeExit", onBeforeExit);
  process.on("SIGTERM", onSignal);
  process.on("SIGINT", onSignal);
  return remove;
}
