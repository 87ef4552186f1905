/** The most recent queries run, newest first, in `localStorage` (per browser, per origin). */

const KEY = "sonde.query-history";
/** Entries kept. */
export const HISTORY_SIZE = 20;

/** One query run: its URL form (see `stateToParams`) and when it ran (ms since the epoch). */
export interface HistoryEntry {
  params: string;
  at: number;
}

/** The stored history, newest first; [] when storage is unavailable or holds something else. */
export function readHistory(storage: Pick<Storage, "getItem"> | undefined = globalStorage()) {
  try {
    const list = JSON.parse(storage?.getItem(KEY) ?? "[]");
    return Array.isArray(list)
      ? (list.filter(
          (e) => typeof e?.params === "string" && typeof e?.at === "number",
        ) as HistoryEntry[])
      : [];
  } catch {
    return [];
  }
}

/**
 * Puts a query first in the history (removing an earlier run of the same query) and keeps the
 * newest {@link HISTORY_SIZE}. Storage errors (full, disabled) are ignored. Answers the history.
 */
export function remember(
  params: string,
  at: number,
  storage: Pick<Storage, "getItem" | "setItem"> | undefined = globalStorage(),
): HistoryEntry[] {
  const list = [{ params, at }, ...readHistory(storage).filter((e) => e.params !== params)];
  const kept = list.slice(0, HISTORY_SIZE);
  try {
    storage?.setItem(KEY, JSON.stringify(kept));
  } catch {
    // Not stored: the history is a convenience.
  }
  return kept;
}

function globalStorage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}
