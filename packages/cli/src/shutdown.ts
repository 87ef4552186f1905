/**
 * Runs `stop` once on SIGINT or SIGTERM, then exits; a second signal or a stop slower than
 * `deadlineMs` exits at once.
 */
export function onShutdown(stop: () => Promise<void>, deadlineMs = 5000): void {
  let stopping = false;
  const handler = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(130);
    stopping = true;
    console.log(`\n${signal}: stopping…`);
    setTimeout(() => process.exit(1), deadlineMs).unref();
    stop().then(
      () => process.exit(0),
      (e) => {
        console.error(e);
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", handler);
  process.on("SIGTERM", handler);
}
