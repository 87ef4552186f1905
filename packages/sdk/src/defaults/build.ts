import { diag, metrics } from "@sonde/api";

/** What identifies the build of the running program; every field is optional. */
export interface BuildInfo {
  /** Release version, e.g. `"1.4.2"`. Default `process.env.npm_package_version`. */
  version?: string;
  /** Source revision, e.g. a git commit. Default `SONDE_BUILD_REVISION`, else `GIT_COMMIT`. */
  revision?: string;
  /** When the build was made, whole seconds since the UNIX epoch. Default `SONDE_BUILD_TIMESTAMP`. */
  timestamp?: number;
}

const OWNER = "sonde";

function nonEmpty(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}

/** `value` as whole seconds since the epoch, or undefined (reported when given but invalid). */
function seconds(value: unknown, source: string): number | undefined {
  if (value === undefined || value === "") return undefined;
  const parsed = typeof value === "string" && /^\d+$/.test(value) ? Number(value) : value;
  if (typeof parsed === "number" && Number.isSafeInteger(parsed) && parsed >= 0) return parsed;
  diag.report({
    code: "invalid_options",
    message: `${source} must be whole seconds since the UNIX epoch; /build/timestamp is not declared`,
    key: source,
  });
  return undefined;
}

/**
 * Declares the `/build/*` constants: `/build/node_version` (always) and, each only when its
 * value is known, `/build/version`, `/build/revision_id` and `/build/timestamp` (int, `s`).
 * An explicit `info` field wins over its environment variable. Never throws.
 */
export function declareBuildConstants(info: BuildInfo = {}): void {
  metrics.constant("/build/node_version", {
    description: "Version of the Node.js runtime running the program (process.version).",
    unit: "1",
    owner: OWNER,
    stability: "stable",
    value: process.version,
  });
  const version = nonEmpty(info.version) ?? nonEmpty(process.env.npm_package_version);
  if (version !== undefined) {
    metrics.constant("/build/version", {
      description: "Release version of the program (its package.json version).",
      unit: "1",
      owner: OWNER,
      stability: "stable",
      value: version,
    });
  }
  const revision =
    nonEmpty(info.revision) ??
    nonEmpty(process.env.SONDE_BUILD_REVISION) ??
    nonEmpty(process.env.GIT_COMMIT);
  if (revision !== undefined) {
    metrics.constant("/build/revision_id", {
      description: "Source revision the program was built from, e.g. a git commit.",
      unit: "1",
      owner: OWNER,
      stability: "stable",
      value: revision,
    });
  }
  const timestamp =
    info.timestamp !== undefined
      ? seconds(info.timestamp, "buildInfo.timestamp")
      : seconds(process.env.SONDE_BUILD_TIMESTAMP, "SONDE_BUILD_TIMESTAMP");
  if (timestamp !== undefined) {
    metrics.constant("/build/timestamp", {
      description: "When the program was built, in seconds since the UNIX epoch.",
      unit: "s",
      owner: OWNER,
      stability: "stable",
      value: timestamp,
      valueType: "int",
    });
  }
}
