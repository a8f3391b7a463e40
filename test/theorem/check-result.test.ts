/**
 * A theorem whose check returns something other than { ok: boolean, … } must never "hold":
 * fast-check reads `undefined` as a pass, so the runner validates every result (issue 9, item 1, for
 * the library's own runner; conjectures are validated by the conjecture wrapper as well).
 */
import * as fc from "fast-check";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Theorem } from "../../src/catalogue/types.ts";
import { runTheorem } from "../../src/theorem/runner.ts";

function theoremReturning(value: unknown): Theorem<number> {
  return {
    id: "bad-result",
    kind: "theorem",
    source: "test",
    statement: "a check with a bad return value",
    arbitrary: fc.integer({ min: 0, max: 9 }),
    check: () => value as never,
    codec: { encode: (x) => x, decode: (j) => j as number },
    defaultRuns: 20,
  };
}

const store = () => mkdtempSync(join(tmpdir(), "mechcheck-check-result-"));

describe("runner: check results are validated", () => {
  for (const [name, value] of [["undefined", undefined], ["a number", 42], ["ok as a string", { ok: "true" }], ["a Promise", Promise.resolve({ ok: true })], ["null", null]] as const) {
    it(`a check returning ${name} is an error, never holds`, () => {
      const r = runTheorem(theoremReturning(value), { storeRoot: store(), cacheRoot: store(), save: false });
      expect(r.outcome).toBe("error");
      expect(r.ok).toBe(false);
      expect(r.outcome === "error" ? r.error : "").toContain("bad-check-result");
    });
  }
  it("a well-formed passing check still holds (control)", () => {
    const r = runTheorem(theoremReturning({ ok: true }), { storeRoot: store(), cacheRoot: store(), save: false });
    expect(r.outcome).toBe("holds");
  });
});
