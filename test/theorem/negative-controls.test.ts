/**
 * Negative controls: every id of the catalogue (`mechcheck list`) carries at least one known-bad
 * input (Theorem.negativeControls), and on each its check must say `ok: false` — a check that can
 * no longer fail (a weakened `||`, a deleted clause) is seen here even while the code under it is
 * correct. For refutations, every saved counterexample is also run through the naive check.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { loadLpEngine } from "../../src/lp/solve.ts";
import { STORE_ROOT } from "../../src/paths.ts";
import { loadCounterexamples } from "../../src/store/counterexamples.ts";
import type { CheckResult } from "../../src/catalogue/types.ts";
import { THEOREMS } from "../../src/catalogue/index.ts";

beforeAll(async () => {
  await loadLpEngine();
});

/**
 * Ids still WITHOUT a negative control (work left from issue 10, stated plainly). A ratchet: an id
 * not listed here must have a control, and an id listed here that gains one must be removed from
 * the list — so the list only shrinks. The goal is an empty list.
 */
const NOT_YET_CONTROLLED: readonly string[] = []; // empty: every id has at least one control

describe("negative controls", () => {
  it("every id has at least one negative control (except the listed, shrinking backlog)", () => {
    const missing = THEOREMS.filter((t) => (t.negativeControls?.length ?? 0) === 0).map((t) => t.id);
    expect(missing.filter((id) => !NOT_YET_CONTROLLED.includes(id)), "ids without a negative control").toEqual([]);
    const stale = NOT_YET_CONTROLLED.filter((id) => !missing.includes(id));
    expect(stale, "ids in NOT_YET_CONTROLLED that now have a control (or no longer exist): remove them from the list").toEqual([]);
  });

  it("control names are unique within an id", () => {
    for (const t of THEOREMS) {
      const names = (t.negativeControls ?? []).map((c) => c.name);
      expect(new Set(names).size, t.id).toBe(names.length);
    }
  });

  for (const t of THEOREMS) {
    for (const c of t.negativeControls ?? []) {
      it(`${t.id}: "${c.name}" is rejected`, () => {
        const x = c.input();
        const r: CheckResult = (c.check ?? t.check)(x);
        expect(r.ok, `${t.id} / ${c.name}: the check accepted a known-bad input (${c.why})`).toBe(false);
        if (!r.ok) expect(r.message.length).toBeGreaterThan(0);
      });
    }
    if (t.kind === "refutation") {
      it(`${t.id}: every saved counterexample fails the naive check`, () => {
        const saved = loadCounterexamples(STORE_ROOT, t.id).filter((s) => s.record.expect === "fails");
        expect(saved.length, `${t.id} has no saved counterexample`).toBeGreaterThan(0);
        for (const s of saved) expect(t.check(t.codec.decode(s.record.instance)).ok, s.file).toBe(false);
      });
    }
  }
});
