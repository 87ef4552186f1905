import { readFileSync } from "node:fs";
import { diag } from "@sonde/api";
import { relativePath, type StackFrame } from "./stack.js";

/** One ownership rule: a path glob, or an npm package glob (`npm:`), and its owner. */
interface Rule {
  readonly pattern: string;
  readonly owner: string;
  readonly package: boolean;
  readonly regex: RegExp;
}

function escapeRegex(text: string): string {
  return text.replace(/[.+^${}()|[\]\\]/g, "\\$&");
}

/** A glob as a regular expression: `**` any path, `*` within a segment, `?` one character. */
function globBody(glob: string): string {
  let out = "";
  for (let i = 0; i < glob.length; i++) {
    const char = glob[i];
    if (char === "*" && glob[i + 1] === "*") {
      const slash = glob[i + 2] === "/";
      out += slash ? "(?:.*/)?" : ".*";
      i += slash ? 2 : 1;
    } else if (char === "*") out += "[^/]*";
    else if (char === "?") out += "[^/]";
    else out += escapeRegex(char);
  }
  return out;
}

/**
 * A CODEOWNERS path pattern as a regular expression over a relative path (GitHub's rules):
 * a leading `/` anchors it at the root, and so does a `/` inside it; otherwise it matches at
 * any depth; a trailing `/` or a directory name matches everything below.
 */
function pathRegex(pattern: string): RegExp {
  const anchored = pattern.startsWith("/") || pattern.slice(0, -1).includes("/");
  const body = globBody(pattern.replace(/^\//, "").replace(/\/$/, ""));
  return new RegExp(`^${anchored ? "" : "(?:.*/)?"}${body}(?:/.*)?$`);
}

/**
 * Ownership rules in the style of GitHub's CODEOWNERS: one rule per line,
 * `<pattern> <owner>` (further words ignored, `#` starts a comment). A pattern is a path
 * glob relative to the application root (`src/billing/`, `*.sql`, `/plugins/**\/stripe.ts`)
 * or, written `npm:<glob>`, an npm package name (`npm:@acme/plugin-*`). As in CODEOWNERS, the
 * last matching rule wins.
 *
 * @example
 * const rules = OwnershipRules.parse("src/billing/ team-billing\nnpm:pg team-data\n", root);
 */
export class OwnershipRules {
  readonly rules: readonly Rule[];
  readonly #root: string;

  constructor(rules: readonly Rule[], root: string) {
    this.rules = rules;
    this.#root = root;
  }

  /** Parses rules; a line that is not `<pattern> <owner>` is skipped and reported. */
  static parse(text: string, root: string): OwnershipRules {
    const rules: Rule[] = [];
    for (const [index, raw] of text.split(/\r?\n/).entries()) {
      const line = raw.replace(/(^|\s)#.*$/, "").trim();
      if (line === "") continue;
      const [pattern, owner] = line.split(/\s+/);
      if (owner === undefined) {
        diag.report({
          code: "invalid_owners",
          message: `ownership rule on line ${index + 1} has no owner: ${JSON.stringify(raw)}`,
          key: String(index + 1),
        });
        continue;
      }
      const isPackage = pattern.startsWith("npm:");
      const regex = isPackage ? new RegExp(`^${globBody(pattern.slice(4))}$`) : pathRegex(pattern);
      rules.push({ pattern, owner, package: isPackage, regex });
    }
    return new OwnershipRules(rules, root);
  }

  /** Reads rules from a file; an unreadable file gives no rules (reported). Never throws. */
  static load(file: string, root: string): OwnershipRules {
    try {
      return OwnershipRules.parse(readFileSync(file, "utf8"), root);
    } catch (error) {
      diag.report({
        code: "invalid_owners",
        message: `ownership rules ${file} could not be read`,
        key: file,
        error,
      });
      return new OwnershipRules([], root);
    }
  }

  /** The owner of a frame: the last rule matching its package or relative path, or `""`. */
  ownerOf(frame: StackFrame): string {
    const path = relativePath(frame.file, this.#root);
    let owner = "";
    for (const rule of this.rules) {
      const subject = rule.package ? frame.package : path;
      if (subject !== "" && rule.regex.test(subject)) owner = rule.owner;
    }
    return owner;
  }

  /**
   * The owner of an error: of its top in-app frame if a rule matches it, else of the first
   * frame below (dependencies included) that a rule matches, else `""`.
   */
  ownerOfStack(frames: readonly StackFrame[]): string {
    const top = frames.find((frame) => frame.inApp);
    if (top !== undefined) {
      const owner = this.ownerOf(top);
      if (owner !== "") return owner;
    }
    for (const frame of frames) {
      if (frame === top || (!frame.inApp && frame.package === "")) continue;
      const owner = this.ownerOf(frame);
      if (owner !== "") return owner;
    }
    return "";
  }
}
