/**
 * The exact simplex's two representations of its integer tableau (src/lp/exactSimplex.ts): doubles
 * while every product a pivot forms stays below 2^51 ("small mode"), bigints otherwise. Checked
 * against the vertex-enumeration oracle (test/support/vertexOracle.ts, no solver code), against the
 * independent verifier, and against the same solver held in bigints throughout (`bigintOnly`): the
 * same integers must give the same pivots and the very same certificates.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { q } from "../../src/exact/rational.ts";
import { exactSimplex, exactSimplexStats } from "../../src/lp/exactSimplex.ts";
import { LpBuilder, type LpModel, type LpResult } from "../../src/lp/model.ts";
import { verify } from "../../src/lp/verify.ts";
import { bruteForce } from "../support/vertexOracle.ts";

const RUNS = { seed: 16, numRuns: Number(process.env.MECHCHECK_RUNS ?? 100) };
const P25 = 2 ** 25;

const text = (r: LpResult): string => JSON.stringify(r, (_k, v: unknown) => (v !== null && typeof v === "object" && "d" in v && "s" in v ? (v as unknown as { toFraction(): string }).toFraction() : v));
const valueOf = (r: LpResult) => (r.status === "optimal" ? r.value.toFraction() : r.status);

/** Solve in the default mode and in bigints only; both verify and agree byte for byte. Returns the default run and its mode. */
function solveBoth(m: LpModel): { r: LpResult; small: number; grew: boolean } {
  const r = exactSimplex(m);
  const stats = { small: exactSimplexStats.smallPivots, grew: exactSimplexStats.grewToBigint };
  expect(verify(m, r)).toEqual({ ok: true });
  const b = exactSimplex(m, { bigintOnly: true });
  expect(exactSimplexStats.smallPivots).toBe(0);
  expect(text(b)).toBe(text(r));
  return { r, ...stats };
}

/**
 * max x + y s.t. (2^25+1)x + (2^25−1)y ≤ 3·2^25, (2^25−1)x + (2^25+1)y ≤ 3·2^25, x, y ≥ 0.
 * By symmetry the two rows meet at x = y = 3·2^25 / 2^26 = 3/2 (value 3); the axis vertices give
 * 3·2^25/(2^25+1) < 3 and 0, so (3/2, 3/2) is optimal. Duals: 1 = (2^25+1)y₁ + (2^25−1)y₂ and
 * 1 = (2^25−1)y₁ + (2^25+1)y₂ give y₁ = y₂ = 2^−26, dual value 2·3·2^25·2^−26 = 3.
 * The first pivot (entries ≈ 2^25, products ≈ 2^50) runs in doubles, its 2×2 minors ≈ 2^50 make
 * the second pivot's products ≈ 2^75: the tableau must move to bigints there.
 */
function symmetricPair(): LpModel {
  const b = new LpBuilder("max");
  b.variable("x");
  b.variable("y");
  b.row("r1", [["x", P25 + 1], ["y", P25 - 1]], "<=", 3 * P25);
  b.row("r2", [["x", P25 - 1], ["y", P25 + 1]], "<=", 3 * P25);
  return b.objective([["x", 1], ["y", 1]]).build();
}

describe("exactSimplex: small (double) and big (bigint) tableaux", () => {
  it("hand-derived LP whose entries outgrow doubles mid-solve: value 3 at (3/2, 3/2), duals 2^−26", () => {
    const m = symmetricPair();
    const { r, small, grew } = solveBoth(m);
    expect(small).toBeGreaterThanOrEqual(1);
    expect(grew).toBe(true);
    expect(r.status).toBe("optimal");
    if (r.status !== "optimal") return;
    expect(r.value.toFraction()).toBe("3");
    expect(r.primal.map((v) => v.toFraction())).toEqual(["3/2", "3/2"]);
    expect(r.dual.rows.map((v) => v.toFraction())).toEqual([`1/${2 ** 26}`, `1/${2 ** 26}`]);
    // Negative control: the verifier rejects the same certificate with a value off by 2^−26.
    expect(verify(m, { ...r, value: r.value.sub(q(`1/${2 ** 26}`)) }).ok).toBe(false);
  });

  it("an entry of 2^26 starts in bigints; 2^26 − 1 starts in doubles but its first pivot (a² ≥ 2^51) runs in bigints; 2^20 stays in doubles", () => {
    const lp = (a: number) => {
      const b = new LpBuilder("max");
      b.variable("x", { upper: 5 });
      b.variable("y", { upper: 5 });
      b.row("r", [["x", a], ["y", 1]], "<=", a);
      return b.objective([["x", 1], ["y", 1]]).build();
    };
    // max x + y with a·x + y ≤ a, 0 ≤ x, y ≤ 5: y = 5 leaves a·x ≤ a − 5, so x = (a − 5)/a, value 6 − 5/a (a ≥ 5).
    for (const [a, small, grew] of [
      [2 ** 26, 0, false],
      [2 ** 26 - 1, 0, true],
      [2 ** 20, 1, false],
    ] as const) {
      const run = solveBoth(lp(a));
      expect([a, run.small, run.grew]).toEqual([a, small, grew]);
      expect(valueOf(run.r)).toBe(q(6).sub(q(`5/${a}`)).toFraction());
    }
  });

  it("random tiny LPs with coefficients near 2^24 and 2^25 or up to 2^29: oracle, verifier and bigint-only agree; all three paths occur", () => {
    // Mostly below 2^26 (the LP starts in doubles), with values near ±2^24 and ±2^25 whose 2×2 minors outgrow doubles after a pivot or two; now and then 2^26 and above (bigints from the start).
    const near = (c: number) => fc.integer({ min: c - 3, max: c + 3 });
    const coef = fc.oneof(
      { arbitrary: fc.integer({ min: -4, max: 4 }), weight: 4 },
      { arbitrary: fc.oneof(near(P25), near(-P25), near(P25 / 2), near(-P25 / 2)), weight: 3 },
      { arbitrary: fc.integer({ min: -(2 ** 29), max: 2 ** 29 }), weight: 1 },
    );
    const lp = fc
      .record({
        n: fc.integer({ min: 2, max: 3 }),
        m: fc.integer({ min: 1, max: 4 }),
        dir: fc.constantFrom("max" as const, "min" as const),
        vals: fc.array(coef, { minLength: 24, maxLength: 24 }),
        senses: fc.array(fc.constantFrom("<=" as const, ">=" as const, "=" as const), { minLength: 4, maxLength: 4 }),
      })
      .map(({ n, m, dir, vals, senses }) => {
        let k = 0;
        const next = () => vals[k++ % vals.length]!;
        const b = new LpBuilder(dir);
        for (let j = 0; j < n; j++) b.variable(`x${j}`, { upper: 7 }); // a box: pointed and bounded
        for (let i = 0; i < m; i++) {
          const terms: [number, number][] = [];
          for (let j = 0; j < n; j++) terms.push([j, next()]);
          b.row(`r${i}`, terms, senses[i]!, next());
        }
        const obj: [number, number][] = [];
        for (let j = 0; j < n; j++) obj.push([j, next()]);
        return b.objective(obj).build();
      });
    const paths = new Set<string>();
    fc.assert(
      fc.property(lp, (m) => {
        const { r, small, grew } = solveBoth(m);
        paths.add(small === 0 ? "bigint from the start" : grew ? "doubles, then bigint" : "doubles throughout");
        expect(valueOf(r)).toBe(bruteForce(m));
      }),
      { ...RUNS, numRuns: Math.max(RUNS.numRuns, 200) },
    );
    expect([...paths].sort()).toEqual(["bigint from the start", "doubles throughout", "doubles, then bigint"]);
  });
});
