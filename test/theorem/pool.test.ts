// The check pool (src/theorem/pool.ts): theorems run on worker threads come back in the order
// asked, as the same exact JSON as the in-process runs; a bad --jobs and a theorem the worker
// cannot run end the pool with an error (negative controls).
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { THEOREMS } from "../../src/catalogue/index.ts";
import { isMechcheckError } from "../../src/errors.ts";
import { toExactJsonText } from "../../src/exact/rational.ts";
import { loadLpEngine } from "../../src/lp/solve.ts";
import { longestFirst, runTheoremsPooled, startPoolWorkers } from "../../src/theorem/pool.ts";
import { SUITE_COST, suiteCostMs, UNKNOWN_COST_MS } from "../../src/theorem/suiteCost.ts";
import { runTheorem } from "../../src/theorem/runner.ts";
import { STORE_ROOT } from "../../src/paths.ts";

const workerUrl = new URL("../../src/cli/checkWorker.mjs", import.meta.url);
const runOptions = { storeRoot: STORE_ROOT, runs: 5, save: false };
const withoutMs = (r: object) => toExactJsonText({ ...r, ms: 0 });

describe("check pool", () => {
  it("runs ids on 2 workers; results in the order asked, the same exact JSON as in-process", async () => {
    // five ids, in reverse catalogue order (so completion order and catalogue order can differ)
    const ids = THEOREMS.slice(0, 5).map((t) => t.id).reverse();
    const done: string[] = [];
    const pooled = await runTheoremsPooled(ids, { jobs: 2, workerUrl, runOptions, onDone: (_d, _n, id) => done.push(id) });
    await loadLpEngine();
    const sequential = ids.map((id) => runTheorem(THEOREMS.find((t) => t.id === id)!, runOptions));
    expect(pooled.map((r) => r.id)).toEqual(ids);
    expect(done.slice().sort()).toEqual(ids.slice().sort());
    expect(pooled.map(withoutMs)).toEqual(sequential.map(withoutMs));
    // negative control: the comparison sees a changed run
    expect(withoutMs({ ...pooled[0]!, cases: pooled[0]!.cases + 1 })).not.toEqual(withoutMs(sequential[0]!));
  }, 120_000);
  it("hands ids out longest first (ties in the order asked), results still in the order asked", async () => {
    expect(longestFirst(["a", "b", "c", "d"], (id) => ({ a: 1, b: 5, c: 3, d: 5 })[id]!)).toEqual([1, 3, 2, 0]);
    expect(longestFirst([], () => 0)).toEqual([]);
    // on one worker the completion order is the hand-out order
    const ids = THEOREMS.slice(0, 3).map((t) => t.id);
    const cost = (id: string) => ({ [ids[0]!]: 2, [ids[1]!]: 1, [ids[2]!]: 3 })[id]!;
    const done: string[] = [];
    const pooled = await runTheoremsPooled(ids, { jobs: 1, workerUrl, runOptions, cost, onDone: (_d, _n, id) => done.push(id) });
    expect(done).toEqual([ids[2], ids[0], ids[1]]);
    expect(pooled.map((r) => r.id)).toEqual(ids);
    // negative control: equal costs keep the order asked
    const done2: string[] = [];
    await runTheoremsPooled(ids, { jobs: 1, workerUrl, runOptions, cost: () => 0, onDone: (_d, _n, id) => done2.push(id) });
    expect(done2).toEqual(ids);
  }, 120_000);
  it("the recorded cost table covers the catalogue and scales only theorems", () => {
    expect(THEOREMS.map((t) => t.id).filter((id) => !Object.hasOwn(SUITE_COST, id)), "regenerate: npx tsx bench/suite-cost.ts --write").toEqual([]);
    for (const t of THEOREMS) expect(SUITE_COST[t.id]![1], t.id).toBe(t.kind === "theorem");
    const thm = THEOREMS.find((t) => t.kind === "theorem")!.id;
    const ref = THEOREMS.find((t) => t.kind === "refutation")!.id;
    expect(suiteCostMs(thm, 10)).toBe(10 * SUITE_COST[thm]![0]);
    expect(suiteCostMs(ref, 10)).toBe(SUITE_COST[ref]![0]);
    expect(suiteCostMs("no-such-theorem", 2)).toBe(2 * UNKNOWN_COST_MS);
    expect(suiteCostMs("constructor")).toBe(UNKNOWN_COST_MS); // not an Object.prototype key
  });
  it("refuses --jobs outside [1, 64]", async () => {
    for (const jobs of [0, 65, 1.5]) {
      const e = await runTheoremsPooled(["x"], { jobs, workerUrl, runOptions }).catch((x: unknown) => x);
      expect(isMechcheckError(e) && e.code).toBe("usage");
    }
  });
  it("workers started before the ids are known (check starts them first): the same runs, also with more workers than ids", async () => {
    const ids = THEOREMS.slice(0, 3).map((t) => t.id);
    const early = startPoolWorkers(2, workerUrl, runOptions);
    await new Promise((r) => setTimeout(r, 300)); // their "ready" may come before the run listens
    const pooled = await runTheoremsPooled(ids, { jobs: 2, workerUrl, runOptions, workers: early });
    const fresh = await runTheoremsPooled(ids, { jobs: 2, workerUrl, runOptions });
    expect(pooled.map((r) => r.id)).toEqual(ids);
    expect(pooled.map(withoutMs)).toEqual(fresh.map(withoutMs));
    const spare = await runTheoremsPooled(ids.slice(0, 1), { jobs: 3, workerUrl, runOptions, workers: startPoolWorkers(3, workerUrl, runOptions) });
    expect(spare.map(withoutMs)).toEqual(fresh.slice(0, 1).map(withoutMs));
    // never run: close stops them (else this test file would not end)
    await startPoolWorkers(2, workerUrl, runOptions).close();
    // workers from elsewhere are refused
    await expect(runTheoremsPooled(ids, { jobs: 2, workerUrl, runOptions, workers: { size: 2, close: async () => {} } })).rejects.toThrow(/startPoolWorkers/);
  }, 120_000);
  it("a worker that fails before the run is reported by the run (control: a worker that loads runs)", async () => {
    const bad = join(mkdtempSync(join(tmpdir(), "mechcheck-pool-")), "bad.mjs");
    writeFileSync(bad, 'throw new Error("the worker failed to load");\n');
    const early = startPoolWorkers(2, pathToFileURL(bad), runOptions);
    await new Promise((r) => setTimeout(r, 500));
    await expect(runTheoremsPooled([THEOREMS[0]!.id, THEOREMS[1]!.id], { jobs: 2, workerUrl, runOptions, workers: early })).rejects.toThrow(/the worker failed to load/);
    const good = await runTheoremsPooled([THEOREMS[0]!.id, THEOREMS[1]!.id], { jobs: 2, workerUrl, runOptions, workers: startPoolWorkers(2, workerUrl, runOptions) });
    expect(good.map((r) => r.id)).toEqual([THEOREMS[0]!.id, THEOREMS[1]!.id]);
  }, 120_000);
  it("an id the worker cannot run ends the pool with an error, and the workers stop", async () => {
    const e = await runTheoremsPooled([THEOREMS[0]!.id, "no-such-theorem"], { jobs: 2, workerUrl, runOptions }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(Error);
    expect(String((e as Error).message)).toContain("no-such-theorem");
  }, 120_000);
});
