import {
  BIGINT,
  DOUBLE,
  type DuckDBAppender,
  DuckDBDataChunk,
  type DuckDBType,
  UINTEGER,
  USMALLINT,
  VARCHAR,
} from "@duckdb/node-api";

/** DuckDB's vector size: the most rows one data chunk holds. */
const CHUNK_ROWS = 2048;

/** A column's DuckDB type and the JavaScript array that buffers it. */
const COLUMN_KINDS = {
  u16: { type: USMALLINT, make: (n: number) => new Uint16Array(n) },
  u32: { type: UINTEGER, make: (n: number) => new Uint32Array(n) },
  i64: { type: BIGINT, make: (n: number) => new BigInt64Array(n) },
  f64: { type: DOUBLE, make: (n: number) => new Float64Array(n) },
  /** Nullable DOUBLE: NaN is written as NULL. */
  f64n: { type: DOUBLE, make: (n: number) => new Float64Array(n) },
  str: { type: VARCHAR, make: (n: number) => new Array<string>(n) },
} as const;

type ColumnKind = keyof typeof COLUMN_KINDS;
type ArrayOf<K extends ColumnKind> = ReturnType<(typeof COLUMN_KINDS)[K]["make"]>;

/**
 * Rows for one table, buffered column by column in typed arrays and appended to DuckDB as data
 * chunks of 2,048 rows (`DuckDBAppender.appendDataChunk`). Measured in `bench/src/metric-store.ts`:
 * about 2.5× the rows per second of `appendUInteger`/`appendDouble` per value, and 15× an
 * `INSERT … SELECT unnest($list)` from bound lists. Callers write `cols[i][length]` for every
 * column, then call {@link endRow}. Throws nothing of its own.
 */
export class ColumnBatch<K extends readonly ColumnKind[]> {
  length = 0;
  cols: { -readonly [I in keyof K]: ArrayOf<K[I]> };
  private readonly types: DuckDBType[];

  constructor(private readonly kinds: K) {
    this.types = kinds.map((k) => COLUMN_KINDS[k].type);
    this.cols = kinds.map((k) => COLUMN_KINDS[k].make(CHUNK_ROWS)) as typeof this.cols;
  }

  /** Finishes the row written at index `length`, growing the buffers when full. */
  endRow(): void {
    if (++this.length === this.cols[0].length) {
      this.cols = this.cols.map((col, c) => {
        const grown = COLUMN_KINDS[this.kinds[c]].make(col.length * 2);
        if (Array.isArray(grown)) for (let i = 0; i < col.length; i++) grown[i] = col[i] as string;
        else (grown as Float64Array).set(col as Float64Array);
        return grown;
      }) as typeof this.cols;
    }
  }

  /** Appends the buffered rows to `appender` and empties the batch. Throws what DuckDB throws. */
  appendTo(appender: DuckDBAppender): void {
    for (let from = 0; from < this.length; from += CHUNK_ROWS) {
      const to = Math.min(this.length, from + CHUNK_ROWS);
      const chunk = DuckDBDataChunk.create(this.types, to - from);
      this.kinds.forEach((kind, c) => {
        const vector = chunk.getColumnVector(c);
        const col = this.cols[c];
        for (let i = from; i < to; i++) {
          const v = col[i];
          vector.setItem(i - from, kind === "f64n" && Number.isNaN(v) ? null : v);
        }
        vector.flush();
      });
      appender.appendDataChunk(chunk);
    }
    this.length = 0;
  }
}
