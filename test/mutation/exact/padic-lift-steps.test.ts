// Dixon's p-adic lifting (src/exact/padicLift.ts) with p = 7, traced by hand: the digits of each
// step, when reconstruction is tried (steps 1, 2, 3, 5, 8, 12, 18, …), the step count reported, the
// Hadamard step limit, the transposed systems, and the exact check of a candidate.
import { describe, expect, it } from "vitest";
import { primeField } from "../../../src/exact/modular.ts";
import { checkIntegerSolution, type IntColumns, liftSolve } from "../../../src/exact/padicLift.ts";
import { SparseLu } from "../../../src/exact/sparseLu.ts";

/** Integer columns and their factorization mod p. */
function system(m: number, cols: { rows: number[]; vals: bigint[] }[], p = 7): { A: IntColumns; F: SparseLu<number> } {
  const A: IntColumns = { m, rows: cols.map((c) => Int32Array.from(c.rows)), vals: cols.map((c) => c.vals) };
  const F = SparseLu.factorOver(primeField(p), m, cols.map((c) => ({ rows: c.rows, vals: c.vals.map((v) => Number(((v % BigInt(p)) + BigInt(p)) % BigInt(p))) })));
  if (!(F instanceof SparseLu)) throw new Error("singular mod p");
  return { A, F };
}

// B = [[2, 1], [0, 3]] (columns (2, 0) and (1, 3))
const B2 = () => system(2, [{ rows: [0], vals: [2n] }, { rows: [0, 1], vals: [1n, 3n] }]);

function lift(s: { A: IntColumns; F: SparseLu<number> }, b: bigint[], transpose: boolean) {
  const steps: number[] = [];
  const z = liftSolve(s.A, s.F, 7, b, transpose, (k) => steps.push(k));
  return { z, steps };
}

describe("liftSolve", () => {
  it("b = 0: zero residual before any step (0 steps)", () => {
    expect(lift(B2(), [0n, 0n], false)).toEqual({ z: { num: [0n, 0n], den: 1n }, steps: [0] });
  });
  it("an integer solution: B (1, 1) = (3, 3) is found at step 1 (the residual is then 0)", () => {
    expect(lift(B2(), [3n, 3n], false)).toEqual({ z: { num: [1n, 1n], den: 1n }, steps: [1] });
  });
  it("B x = (5, 6), x = (3/2, 2): step 1 gives X = (5, 2) mod 7 (3/2 ≡ 5; no fraction with N = 1), step 2 X = (26, 2) mod 49 → 3/2, 2", () => {
    expect(lift(B2(), [5n, 6n], false)).toEqual({ z: { num: [3n, 4n], den: 2n }, steps: [2] });
  });
  it("Bᵀ z = (2, 0), z = (1, −1/3): step 1 X = (1, 2) mod 7 fails (−1/3 needs d = 3 > N = 1), step 2 X = (1, 16) mod 49", () => {
    expect(lift(B2(), [2n, 0n], true)).toEqual({ z: { num: [3n, -1n], den: 3n }, steps: [2] });
  });
  it("Bᵀ z = (4, 5): z = (2, 1), an integer solution at step 1", () => {
    // Bᵀ = [[2, 0], [1, 3]]: 2 z0 = 4, z0 + 3 z1 = 5
    expect(lift(B2(), [4n, 5n], true)).toEqual({ z: { num: [2n, 1n], den: 1n }, steps: [1] });
  });
  it("3 x = 10^6 needs 7^18 > 2·(10^6)²: tries at 1, 2, 3, 5, 8, 12 fail, 18 is both the next try and the Hadamard limit", () => {
    // Limit at step 12: log2 H ≈ 2 (|3| read as < 4) + 20 (10^6 < 16·16^4) = 22 → ⌈46 / log2 7⌉ + 1 = 18
    for (const transpose of [false, true]) {
      const s = system(1, [{ rows: [0], vals: [3n] }]);
      expect(lift(s, [1000000n], transpose)).toEqual({ z: { num: [1000000n], den: 3n }, steps: [18] });
    }
  });
  it("3 x = 100000: the candidate first checks at step 13 or later, and the Hadamard limit 16 is not a try step: found at 16", () => {
    // N_k = ⌊√(7^k / 2)⌋: N_12 = 83,200 < 100000 ≤ N_13; tries at 12 (fails) and then 18, but the
    // limit log2 H = 2 + 17 (100000 = 0x186A0 < 2·16^4) → ⌈(2·19 + 2) / log2 7⌉ + 1 = 16 ends the
    // lifting there, with a last try: any larger limit would report 18 steps.
    for (const transpose of [false, true]) {
      const s = system(1, [{ rows: [0], vals: [3n] }]);
      expect(lift(s, [100000n], transpose)).toEqual({ z: { num: [100000n], den: 3n }, steps: [16] });
    }
  });
  it("the 2×2 B with b = (100001, 0): the limit sums column norms (Bx = b) or row norms (Bᵀz = b): 17 either way", () => {
    // log2 H: columns (2), (1, 3): ½log2 9 + ½log2(4 + 16) = 3.746; rows (2, 1), (3): ½log2 13 + ½log2 16 = 3.850
    // (each |v| read as log2(leading hex digit + 1) + 4·(digits − 1)); b adds 17: ⌈(2·20.7… + 2) / log2 7⌉ + 1 = 17.
    // B x = b: x = (100001/2, 0) needs N ≥ 100001 (k ≥ 13); Bᵀ z = b: z = (300003, −100001)/6 needs k ≥ 14.
    expect(lift(B2(), [100001n, 0n], false)).toEqual({ z: { num: [100001n, 0n], den: 2n }, steps: [17] });
    expect(lift(B2(), [100001n, 0n], true)).toEqual({ z: { num: [300003n, -100001n], den: 6n }, steps: [17] });
  });
  it("−10^6 / 3 and a 2×2 with a large right-hand side (both directions)", () => {
    const s = system(1, [{ rows: [0], vals: [-3n] }]);
    expect(lift(s, [1000000n], false)).toEqual({ z: { num: [-1000000n], den: 3n }, steps: [18] });
    const z = liftSolve(B2().A, B2().F, 7, [7000000n, 3000000n], false);
    // x1 = 10^6, x0 = (7·10^6 − 10^6)/2 = 3·10^6
    expect(z).toEqual({ num: [3000000n, 1000000n], den: 1n });
    const zt = liftSolve(B2().A, B2().F, 7, [2000000n, 1000001n], true);
    // z0 = 10^6, z1 = (1000001 − 10^6)/3 = 1/3
    expect(zt).toEqual({ num: [3000000n, 1n], den: 3n });
  });
});

describe("checkIntegerSolution", () => {
  const { A } = B2();
  it("A num = den b, row by row", () => {
    expect(checkIntegerSolution(A, [5n, 6n], { num: [3n, 4n], den: 2n }, false)).toBe(true);
    expect(checkIntegerSolution(A, [2n, 0n], { num: [1n, 0n], den: 1n }, false)).toBe(true);
    // wrong in row 0 only, in row 1 only
    expect(checkIntegerSolution(A, [5n, 6n], { num: [4n, 4n], den: 2n }, false)).toBe(false);
    expect(checkIntegerSolution(A, [5n, 7n], { num: [3n, 4n], den: 2n }, false)).toBe(false);
    expect(checkIntegerSolution(A, [5n, 6n], { num: [3n, 4n], den: 1n }, false)).toBe(false);
  });
  it("Aᵀ num = den c, column by column", () => {
    expect(checkIntegerSolution(A, [2n, 0n], { num: [3n, -1n], den: 3n }, true)).toBe(true);
    expect(checkIntegerSolution(A, [2n, 1n], { num: [3n, -1n], den: 3n }, true)).toBe(false);
    expect(checkIntegerSolution(A, [3n, 0n], { num: [3n, -1n], den: 3n }, true)).toBe(false);
    expect(checkIntegerSolution(A, [0n, 3n], { num: [0n, 1n], den: 1n }, true)).toBe(true);
    expect(checkIntegerSolution(A, [0n, 3n], { num: [0n, 1n], den: 1n }, false)).toBe(false);
  });
});
