import { createHash } from "node:crypto";
import { relativePath, type StackFrame } from "./stack.js";

/**
 * The frame an error is grouped (and owned) by: the top in-app frame, else the top frame in
 * a dependency, else undefined (no frames, or only Node's own).
 */
export function culprit(frames: readonly StackFrame[]): StackFrame | undefined {
  return frames.find((frame) => frame.inApp) ?? frames.find((frame) => frame.package !== "");
}

/**
 * A frame as it takes part in a fingerprint: function and file without line, column or
 * absolute prefix (a dependency's file reduced to its package), so that the same code gives
 * the same text across builds, machines and edits elsewhere in the file.
 */
export function frameKey(frame: StackFrame, root: string): string {
  const file = frame.inApp ? relativePath(frame.file, root) : frame.package;
  return `${frame.function}@${file}`;
}

/**
 * The fingerprint of an error: 16 hex characters of SHA-256 over its type, its culprit frame
 * (see {@link culprit}, {@link frameKey}) and its message template. Only the culprit frame
 * takes part, so the same bug reached from different call sites groups together; the type
 * and template keep apart different bugs thrown from the same function.
 */
export function fingerprint(type: string, frame: string, template: string): string {
  return createHash("sha256").update(`${type}\n${frame}\n${template}`).digest("hex").slice(0, 16);
}
