import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { captureErrors } from "./capture.js";
import { OwnershipRules } from "./owners.js";
import { parseStack } from "./stack.js";

const ROOT = "/srv/app";
const RULES = `
# CODEOWNERS-style: the last matching rule wins
*                       team-platform
src/billing/            team-billing
src/billing/refunds.ts  team-refunds   # a file inside a directory rule
*.sql.ts                team-data
/plugins/**/stripe.ts   team-payments
docs                    team-docs
npm:pg                  team-data
npm:@acme/plugin-*      team-plugins
broken-line-without-owner
`;
const rules = OwnershipRules.parse(RULES, ROOT);

function ownerOf(...frames: string[]): string {
  return rules.ownerOfStack(parseStack(`Error: x\n${frames.map((f) => `    at ${f}`).join("\n")}`));
}

test("path rules: directories, files, globs, anchors; the last match wins", () => {
  assert.equal(rules.rules.length, 8);
  assert.equal(ownerOf("charge (/srv/app/src/billing/charge.ts:1:1)"), "team-billing");
  assert.equal(ownerOf("refund (/srv/app/src/billing/refunds.ts:1:1)"), "team-refunds");
  assert.equal(ownerOf("q (/srv/app/src/billing/report.sql.ts:1:1)"), "team-data");
  assert.equal(ownerOf("s (/srv/app/plugins/shop/v2/stripe.ts:1:1)"), "team-payments");
  assert.equal(ownerOf("s (/srv/app/plugins/stripe.ts:1:1)"), "team-payments");
  assert.equal(ownerOf("s (/srv/app/src/plugins/shop/stripe.ts:1:1)"), "team-platform"); // anchored
  assert.equal(ownerOf("d (/srv/app/src/docs/render.ts:1:1)"), "team-docs"); // unanchored dir
  assert.equal(ownerOf("u (file:///srv/app/src/users/service.js:1:1)"), "team-platform");
});

test("the top in-app frame decides; packages own errors with no matching in-app frame", () => {
  assert.equal(
    ownerOf(
      "Client._handleErrorMessage (/srv/app/node_modules/pg/lib/client.js:369:19)",
      "async createInvoice (/srv/app/src/billing/invoice.ts:58:5)",
    ),
    "team-billing",
  );
  const plugin = OwnershipRules.parse("npm:pg team-data\nnpm:@acme/plugin-* team-plugins\n", ROOT);
  const frames = (text: string) => parseStack(`Error: x\n    at ${text}`);
  assert.equal(
    plugin.ownerOfStack(frames("f (/srv/app/node_modules/@acme/plugin-geo/index.js:3:1)")),
    "team-plugins",
  );
  assert.equal(
    plugin.ownerOfStack(frames("f (/srv/app/node_modules/pg/lib/client.js:3:1)")),
    "team-data",
  );
  assert.equal(plugin.ownerOfStack(frames("f (/srv/app/src/x.ts:3:1)")), "");
  assert.equal(plugin.ownerOfStack(frames("f (node:net:1:1)")), "");
});

test("SONDE_OWNERS names the rules file; the declared owner is the fallback", () => {
  const dir = mkdtempSync(join(tmpdir(), "sonde-owners-"));
  const saved = process.env.SONDE_OWNERS;
  try {
    writeFileSync(join(dir, "OWNERS"), "src/billing/ team-billing\n");
    process.env.SONDE_OWNERS = join(dir, "OWNERS");
    const capture = captureErrors({ root: ROOT });
    const error = new Error("declined");
    error.stack = "Error: declined\n    at charge (/srv/app/src/billing/charge.ts:3:9)";
    assert.equal(capture.capture(error, "reported", "team-declared")?.owner, "team-billing");
    error.stack = "Error: declined\n    at charge (/srv/app/src/cart/cart.ts:3:9)";
    assert.equal(capture.capture(error, "reported", "team-declared")?.owner, "team-declared");
    capture.uninstall();
  } finally {
    if (saved === undefined) delete process.env.SONDE_OWNERS;
    else process.env.SONDE_OWNERS = saved;
    rmSync(dir, { recursive: true, force: true });
  }
});
