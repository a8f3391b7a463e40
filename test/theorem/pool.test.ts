// The check pool (src/theorem/pool.ts): theorems run on worker threads come back in the order
// asked, as the same exact JSON as the in-process runs; a bad --jobs and a theorem the worker
// cannot run end the pool with an error (negative controls).
import { describe, expect, it } from "vitest";
import { THEOREMS } from "../../src/catalogue/index.ts";
import { isMechcheckError } from "../../src/errors.ts";
import { toExactJsonText } from "../../src/exact/rational.ts";
import { loadLpEngine } from "../../src/lp/solve.ts";
import { runTheoremsPooled } from "../../src/theorem/pool.ts";
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
  it("refuses --jobs outside [1, 64]", async () => {
    for (const jobs of [0, 65, 1.5]) {
      const e = await runTheoremsPooled(["x"], { jobs, workerUrl, runOptions }).catch((x: unknown) => x);
      expect(isMechcheckError(e) && e.code).toBe("usage");
    }
  });
  it("an id the worker cannot run ends the pool with an error, and the workers stop", async () => {
    const e = await runTheoremsPooled([THEOREMS[0]!.id, "no-such-theorem"], { jobs: 2, workerUrl, runOptions }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(Error);
    expect(String((e as Error).message)).toContain("no-such-theorem");
  }, 120_000);
});
