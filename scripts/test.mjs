// Runs every test with node's test runner: compiled `dist/**/*.test.js` of each workspace and
// the plain-JS browser tests under `packages/*/test/`. Extra arguments go to `node --test`.
import { spawnSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const roots = ["packages", "examples", "bench"];
const files = [];
function walk(dir, inDist) {
  for (const name of readdirSync(dir)) {
    if (name === "node_modules") continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, inDist || name === "dist" || name === "test");
    else if (inDist && /\.test\.(js|mjs)$/.test(name)) files.push(path);
  }
}
for (const root of roots) walk(root, false);
files.sort();
const args = ["--test", "--test-concurrency=2", ...process.argv.slice(2), ...files];
const { status } = spawnSync(process.execPath, args, { stdio: "inherit" });
process.exit(status ?? 1);
