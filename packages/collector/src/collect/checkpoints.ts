import type { DuckDBConnection } from "@duckdb/node-api";

/**
 * Durable per-session progress of the collection protocol: the highest batch sequence number
 * of each client session whose data is stored, in table `collect_sessions`. A collector that
 * restarts tells a reconnecting client where to resume from it.
 */
export class CollectCheckpoints {
  readonly #conn: DuckDBConnection;
  #ready: Promise<unknown>;
  #writing: Promise<unknown> = Promise.resolve();

  constructor(conn: DuckDBConnection) {
    this.#conn = conn;
    this.#ready = conn.run(`CREATE TABLE IF NOT EXISTS collect_sessions (
      session_id VARCHAR PRIMARY KEY, durable_seq UBIGINT NOT NULL, updated TIMESTAMP NOT NULL)`);
  }

  /** The session's durable sequence number; 0 for a session never seen. */
  async durableSeq(session: string): Promise<number> {
    await this.#ready;
    const reader = await this.#conn.runAndReadAll(
      "SELECT durable_seq FROM collect_sessions WHERE session_id = $1",
      [session],
    );
    const row = reader.getRows()[0];
    return row === undefined ? 0 : Number(row[0]);
  }

  /** Records that the session's batches up to `seq` are stored (writes are serialised). */
  save(session: string, seq: number): Promise<void> {
    const write = this.#writing.then(async () => {
      await this.#ready;
      await this.#conn.run(
        `INSERT INTO collect_sessions VALUES ($1, $2, now())
         ON CONFLICT (session_id) DO UPDATE SET durable_seq = greatest(durable_seq, excluded.durable_seq), updated = now()`,
        [session, seq],
      );
    });
    this.#writing = write.catch(() => {});
    return write;
  }
}
