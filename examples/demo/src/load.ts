export interface LoadGenerator {
  /** Requests sent and answers by status so far. */
  stats: { sent: number; byStatus: Record<number, number>; failed: number };
  /** Stops sending and waits for requests in flight. */
  stop(): Promise<void>;
}

const USERS = ["ada", "grace", "linus", "barbara", "ken", "margaret", "dennis", "frances"];

/**
 * Sends `rate` requests per second (Poisson arrivals) to the web tier: 60% `/checkout` (basic or
 * pro plan), 40% `/browse`, as random users. Uses plain `fetch`: the load generator itself is
 * not instrumented.
 */
export function startLoad(webUrl: string, rate: number): LoadGenerator {
  const stats = { sent: 0, byStatus: {} as Record<number, number>, failed: 0 };
  const inFlight = new Set<Promise<void>>();
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  const one = () => {
    const path = Math.random() < 0.6 ? "/checkout" : "/browse";
    const body = JSON.stringify({
      user: USERS[Math.floor(Math.random() * USERS.length)],
      plan: Math.random() < 0.25 ? "pro" : "basic",
    });
    stats.sent++;
    const p = fetch(webUrl + path, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body,
    })
      .then(async (res) => {
        await res.arrayBuffer();
        stats.byStatus[res.status] = (stats.byStatus[res.status] ?? 0) + 1;
      })
      .catch(() => {
        stats.failed++;
      })
      .finally(() => inFlight.delete(p));
    inFlight.add(p);
  };
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(
      () => {
        one();
        schedule();
      },
      -Math.log(1 - Math.random()) * (1000 / rate),
    );
  };
  schedule();
  return {
    stats,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await Promise.all(inFlight);
    },
  };
}
