/**
 * Sends what is left when the process ends: on `beforeExit` (the event loop ran dry) and on
 * SIGTERM and SIGINT. When Sonde's is the only listener of a signal it shuts down (bounded by
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
    if (process.listenerCount(signal) > 1) {
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
