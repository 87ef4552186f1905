// Grouping quality on a corpus of real-looking errors (issue 7): the same bug reached from
// different call sites, machines, builds and data gives one fingerprint; different bugs with
// similar messages give different ones. The expected grouping is asserted exactly.
import assert from "node:assert/strict";
import { afterEach, test } from "node:test";
import { errors } from "@sonde/api";
import { installSdk } from "../events/testing.test-util.js";
import { ErrorCapture } from "./capture.js";
import { messageTemplate } from "./template.js";

interface Case {
  bug: string;
  error: Error;
}

/** An error as it arrives from another process: type, message and V8 frames. */
function remote(name: string, message: string, frames: string[], code?: string): Error {
  const error = new Error(message);
  error.name = name;
  if (code !== undefined) Object.assign(error, { code });
  error.stack = `${name}: ${message}\n${frames.map((frame) => `    at ${frame}`).join("\n")}`;
  return error;
}

const PROD = "/srv/app";
const CI = "/home/runner/work/shop/shop";
const PG = "/srv/app/node_modules/pg/lib/client.js";

const corpus: Case[] = [
  // A: reading a property of a missing user in getUser, from three callers and two builds.
  ...[
    [PROD, 41, "handleProfile (/srv/app/src/api/profile.ts:22:18)"],
    [PROD, 41, "async Promise.all (index 2)"],
    [PROD, 44, "Object.<anonymous> (/srv/app/src/jobs/digest.ts:9:3)"],
  ].map(([root, line, caller]) => ({
    bug: "A",
    error: remote("TypeError", "Cannot read properties of undefined (reading 'id')", [
      `getUser (${root}/src/users/service.ts:${line}:27)`,
      caller as string,
      "process.processTicksAndRejections (node:internal/process/task_queues:95:5)",
    ]),
  })),
  // B: the same message from another function: another bug.
  {
    bug: "B",
    error: remote("TypeError", "Cannot read properties of undefined (reading 'id')", [
      "renderInvoice (/srv/app/src/billing/invoice.ts:88:31)",
      "async handleInvoice (/srv/app/src/api/invoices.ts:17:5)",
    ]),
  },
  // C: another type thrown in getUser.
  {
    bug: "C",
    error: remote("RangeError", "Invalid time value", [
      "Date.toISOString (<anonymous>)",
      "getUser (/srv/app/src/users/service.ts:52:40)",
      "handleProfile (/srv/app/src/api/profile.ts:22:18)",
    ]),
  },
  // D: not found, different ids.
  ...[4521, 88, 1_000_203].map((id) => ({
    bug: "D",
    error: remote("NotFoundError", `User ${id} not found`, [
      `findUser (/srv/app/src/users/repo.ts:${30 + (id % 3)}:11)`,
      "async getAccount (/srv/app/src/api/account.ts:12:16)",
    ]),
  })),
  // E: a similar message about orders, elsewhere.
  ...[4521, 77].map((id) => ({
    bug: "E",
    error: remote("NotFoundError", `Order ${id} not found`, [
      "findOrder (/srv/app/src/orders/repo.ts:19:11)",
      "async getOrder (/srv/app/src/api/orders.ts:30:16)",
    ]),
  })),
  // F: connection refused, no application frame, different hosts.
  ...["10.0.0.12:5432", "10.0.3.7:5432", "192.168.1.20:6379"].map((address) => ({
    bug: "F",
    error: remote(
      "Error",
      `connect ECONNREFUSED ${address}`,
      ["TCPConnectWrap.afterConnect [as oncomplete] (node:net:1555:16)"],
      "ECONNREFUSED",
    ),
  })),
  // G: the same address, another failure.
  {
    bug: "G",
    error: remote(
      "Error",
      "connect ETIMEDOUT 10.0.0.12:5432",
      ["TCPConnectWrap.afterConnect [as oncomplete] (node:net:1555:16)"],
      "ETIMEDOUT",
    ),
  },
  // H: a duplicate key from the database driver, reached from two call sites of createUser.
  ...[
    "async signup (/srv/app/src/api/signup.ts:33:7)",
    "async importUsers (/srv/app/src/admin/import.ts:71:9)",
  ].map((caller) => ({
    bug: "H",
    error: remote(
      "error",
      'duplicate key value violates unique constraint "users_email_key"',
      [
        `Parser.parseErrorMessage (${PG.replace("pg/lib/client", "pg-protocol/dist/parser")}:287:98)`,
        `Client._handleErrorMessage (${PG}:369:19)`,
        "async createUser (/srv/app/src/users/repo.ts:58:5)",
        caller,
      ],
      "23505",
    ),
  })),
  // I: a body that is not JSON, two different bodies (V8 cuts long ones with "...").
  ...[
    `Unexpected token '<', "<!DOCTYPE "... is not valid JSON`,
    `Unexpected token 'o', "not json" is not valid JSON`,
  ].map((message) => ({
    bug: "I",
    error: remote("SyntaxError", message, [
      "JSON.parse (<anonymous>)",
      "parseBody (/srv/app/src/http/body.ts:14:17)",
      "async handle (/srv/app/src/http/router.ts:40:20)",
    ]),
  })),
  // J: a timeout with different durations, from an ESM build with cache-busting URLs.
  ...[5000, 10000].map((ms) => ({
    bug: "J",
    error: remote("TimeoutError", `Timeout awaiting 'response' for ${ms}ms`, [
      "Timeout.timeoutHandler [as _onTimeout] (/srv/app/node_modules/got/dist/source/core/timed-out.js:59:38)",
      `fetchRates (file:///srv/app/dist/rates/client.js?v=${ms}:21:9)`,
    ]),
  })),
  // K: a session id (UUID) expired.
  ...["3f2b1c9e-8d4a-4b7e-9f10-2a6c5e7d8b90", "0b9d2f41-6e3c-4a58-8c7f-1d2e3f4a5b6c"].map((id) => ({
    bug: "K",
    error: remote("SessionError", `Session ${id} expired`, [
      "requireSession (/srv/app/src/auth/session.ts:64:13)",
      "async authenticate (/srv/app/src/auth/middleware.ts:8:3)",
    ]),
  })),
  // L: documents by hex id.
  ...["5f8d0d55b54764421b7156c3", "64a1f2e9c0ffee0123456789"].map((id) => ({
    bug: "L",
    error: remote("Error", `Document ${id} not found in collection "carts"`, [
      "loadCart (/srv/app/src/cart/store.ts:27:15)",
    ]),
  })),
  // M: an upstream failure in charge, different URLs and statuses.
  ...[
    ["https://api.stripe.com/v1/charges/ch_3Nk8x2", 502],
    ["https://api.stripe.com/v1/charges/ch_9Zq1p7", 503],
  ].map(([url, status]) => ({
    bug: "M",
    error: remote("UpstreamError", `Request to ${url} failed with status ${status}`, [
      "charge (/srv/app/src/billing/stripe.ts:45:11)",
      "async checkout (/srv/app/src/api/checkout.ts:60:3)",
    ]),
  })),
  // N: the same message from refund: another bug.
  {
    bug: "N",
    error: remote(
      "UpstreamError",
      "Request to https://api.stripe.com/v1/refunds/re_1 failed with status 502",
      [
        "refund (/srv/app/src/billing/stripe.ts:80:11)",
        "async cancelOrder (/srv/app/src/api/orders.ts:90:3)",
      ],
    ),
  },
  // O: an anonymous callback in a nightly job, files read from different paths.
  ...["/var/data/2024-01-01/export.csv", "/var/data/2024-01-02/export.csv"].map((file) => ({
    bug: "O",
    error: remote(
      "Error",
      `ENOENT: no such file or directory, open '${file}'`,
      [
        "/srv/app/src/jobs/nightly.ts:88:13",
        "Array.forEach (<anonymous>)",
        "runNightly (/srv/app/src/jobs/nightly.ts:80:9)",
      ],
      "ENOENT",
    ),
  })),
  // P: the same job, permission denied instead.
  {
    bug: "P",
    error: remote(
      "Error",
      "EACCES: permission denied, open '/var/data/2024-01-03/export.csv'",
      ["/srv/app/src/jobs/nightly.ts:88:13", "runNightly (/srv/app/src/jobs/nightly.ts:80:9)"],
      "EACCES",
    ),
  },
  // Q: a constructor and a class method, with `new` and `async` markers and emails.
  ...["ana@example.com", "bo@example.org"].map((email) => ({
    bug: "Q",
    error: remote("ValidationError", `Invalid address <${email}> for tenant 17`, [
      "new Address (/srv/app/src/users/address.ts:12:13)",
      "async UserService.updateProfile [as update] (/srv/app/src/users/service.ts:101:20)",
    ]),
  })),
];

// R, S: errors thrown here for real, at different call sites.
function readName(user: { profile?: { name: string } } | undefined): string {
  return (user as { profile: { name: string } }).profile.name;
}
function readTitle(page: { meta?: { title: string } } | undefined): string {
  return (page as { meta: { title: string } }).meta.title;
}
function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error("did not throw");
}
const fromHandler = () => thrown(() => readName(undefined));
const fromJob = () => thrown(() => readName({}));
corpus.push(
  { bug: "R", error: fromHandler() },
  { bug: "R", error: fromJob() },
  { bug: "R", error: thrown(() => [undefined].map(readName)) },
  { bug: "S", error: thrown(() => readTitle(undefined)) },
);

let sdk: ReturnType<typeof installSdk> | undefined;
afterEach(() => sdk?.stop());

test("the corpus groups exactly by bug", () => {
  assert.ok(corpus.length >= 30, `corpus of ${corpus.length}`);
  sdk = installSdk({ root: PROD });
  for (const { error } of corpus) errors.report(error);
  const records = sdk.errors.queue.take();
  assert.equal(records.length, corpus.length);
  const groupOf = new Map<string, string>();
  const fingerprintOf = new Map<string, string>();
  records.forEach((record, i) => {
    const bug = corpus[i].bug;
    assert.match(record.fingerprint, /^[0-9a-f]{16}$/);
    // Same bug → same fingerprint; a fingerprint → one bug.
    assert.equal(
      fingerprintOf.get(bug) ?? record.fingerprint,
      record.fingerprint,
      `bug ${bug}, case ${i}: ${record.template}`,
    );
    assert.equal(
      groupOf.get(record.fingerprint) ?? bug,
      bug,
      `case ${i} (${record.template}) joined bug ${groupOf.get(record.fingerprint)}`,
    );
    fingerprintOf.set(bug, record.fingerprint);
    groupOf.set(record.fingerprint, bug);
  });
  assert.equal(
    new Set(records.map((r) => r.fingerprint)).size,
    new Set(corpus.map((c) => c.bug)).size,
  );
});

test("message templates", () => {
  assert.equal(
    messageTemplate('User 4521 not found in "eu-west"'),
    "User <num> not found in <str>",
  );
  assert.equal(
    messageTemplate("Request to https://api.x.com/v1/c/ch_3 failed with status 502"),
    "Request to <url> failed with status <num>",
  );
  assert.equal(
    messageTemplate("Session 3f2b1c9e-8d4a-4b7e-9f10-2a6c5e7d8b90 expired"),
    "Session <uuid> expired",
  );
  assert.equal(messageTemplate("Document 5f8d0d55b54764421b7156c3 gone"), "Document <hex> gone");
  assert.equal(messageTemplate("open /var/data/x.csv failed"), "open <path> failed");
  assert.equal(messageTemplate("connect ECONNREFUSED 10.0.0.12:5432"), "connect ECONNREFUSED <ip>");
  assert.equal(
    messageTemplate("token sk_live_4eC39HqLyjWDarjtT1zdp7dc is revoked"),
    "token <id> is revoked",
  );
  assert.equal(messageTemplate("mail ana@example.com   bounced"), "mail <email> bounced");
});

test("problems that are not exceptions group by type and template, with their owner", () => {
  sdk = installSdk();
  const owned = { declaration: { owner: "team-payments" } };
  errors.reportProblem({
    type: "PaymentFallback",
    message: "provider stripe timed out after 3021 ms",
    owner: owned,
  });
  errors.reportProblem({
    type: "PaymentFallback",
    message: "provider stripe timed out after 2999 ms",
  });
  errors.reportProblem({ type: "PaymentFallback", message: "provider adyen declined card" });
  errors.reportProblem({ type: "RetryBudgetSpent", message: "provider adyen declined card" });
  const [a, b, c, d] = sdk.errors.queue.take();
  assert.equal(a.fingerprint, b.fingerprint);
  assert.equal(new Set([a.fingerprint, c.fingerprint, d.fingerprint]).size, 3);
  assert.equal(a.owner, "team-payments");
  assert.equal(a.source, "problem");
  assert.equal(a.template, "provider stripe timed out after <num> ms");
});

test("the same bug on two machines (different roots and absolute paths) has one fingerprint", () => {
  const at = (root: string) =>
    remote("TypeError", "Cannot read properties of undefined (reading 'id')", [
      `getUser (${root}/src/users/service.ts:41:27)`,
      `handleProfile (${root}/src/api/profile.ts:22:18)`,
    ]);
  const prod = new ErrorCapture({ root: PROD, owners: "" }).capture(at(PROD), "reported");
  const ci = new ErrorCapture({ root: CI, owners: "" }).capture(at(CI), "reported");
  assert.equal(prod?.fingerprint, ci?.fingerprint);
  assert.equal(prod?.fingerprint, corpusFingerprint("A"));
});

function corpusFingerprint(bug: string): string | undefined {
  const capture = new ErrorCapture({ root: PROD, owners: "" });
  const entry = corpus.find((c) => c.bug === bug);
  return entry === undefined ? undefined : capture.capture(entry.error, "reported")?.fingerprint;
}
