// The probe of the p-adic lifting (src/exact/padicLift.ts) at its size boundary: systems with
// exactly 32 unknowns (PROBE_MIN_M) are probed between the scheduled tries, 31 are not (that
// negative control is in test/exact/modLu.test.ts). A = 3·I, b_i = 10^60 + i, so z_i = b_i / 3;
// the first k at which reconstruction is possible is found here by a bigint search
// (⌊√(p^k / 2)⌋ ≥ max |b_i|), independently of the code under test.
import { describe, expect, it } from "vitest";
import { ModLu } from "../../../src/exact/modLu.ts";
import { type IntColumns, liftSolve } from "../../../src/exact/padicLift.ts";
import { isqrt } from "../../support/modularMatrices.ts";

const p = 67108859;
const P = BigInt(p);

describe("liftSolve: the probe starts at 32 unknowns", () => {
  it("32 unknowns: found within one step of the first possible k (the next scheduled try is 18), exactly, both directions", () => {
    const m = 32;
    let kStar = 1;
    while (isqrt(P ** BigInt(kStar) / 2n) < 10n ** 60n + 64n) kStar++;
    expect(kStar).toBeGreaterThan(12);
    expect(kStar + 1).toBeLessThan(18);
    const A: IntColumns = { m, rows: Array.from({ length: m }, (_, j) => Int32Array.of(j)), vals: Array.from({ length: m }, () => [3n]) };
    const b = Array.from({ length: m }, (_, i) => 10n ** 60n + BigInt(i));
    const F = ModLu.factor(p, m, Array.from({ length: m }, (_, j) => ({ rows: [j], vals: [3] }))) as ModLu;
    for (const transpose of [false, true]) {
      let steps = 0;
      const z = liftSolve(A, F, p, b, transpose, (k) => (steps = k))!;
      expect(z.den).toBe(3n);
      z.num.forEach((v, i) => expect(v).toBe(b[i]!));
      expect(steps).toBeGreaterThanOrEqual(kStar);
      expect(steps).toBeLessThanOrEqual(kStar + 1);
    }
  });
});
