import type { DuckDBConnection } from "@duckdb/node-api";

/**
 * How far each collection protocol session's data got: the highest batch sequence number
 * recorded in `collect_checkpoints`, whose rows the stores write in the same transaction as the
 * batch's data (see `CHECKPOINTS_DDL` in storage/schema.ts). A collector that restarts tells a
 * reconnecting client where to resume from it.
 */
export class CollectCheckpoints {
  constructor(private readonly conn: DuckDBConnection) {}

  /** The session's durable sequence number; 0 for a session never seen. */
  async durableSeq(session: string): Promise<number> {
    const reader = await this.conn.runAndReadAll(
      "SELECT max(seq) FROM collect_checkpoints WHERE session_id = $1",
      [session],
    );
    const value = reader.getRows()[0]?.[0];
    return value === null || value === undefined ? 0 : Number(value);
  }
}
