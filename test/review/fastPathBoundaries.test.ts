// Adversarial review of the issue-16 fast paths that run integer arithmetic in IEEE doubles (or in
// typed arrays) where it is claimed to be exact. Every block states the invariant that makes its
// fast path exact, pushes inputs at and just past the thresholds (2^26, 2^51, 2^52, 2^53, 2^53 + 1,
// 2^64, primes just below 2^26, negative extremes, cancelling mixed signs, huge denominators) and
// compares with a slow reference written here (BigInt or fraction.js, nothing taken from src/).
// Negative controls: each block runs the same inputs through a deliberately wrong variant (the
// double computation without its bound check, or past its threshold) and shows that the reference
// comparison catches it, so the properties can fail. Fixed seeds throughout (deterministic).
import fc from "fast-check";
import Fraction from "fraction.js";
import { describe, expect, it } from "vitest";
import { bgcd } from "../../src/exact/fastRational.ts";
import { type ModColumn, ModLu } from "../../src/exact/modLu.ts";
import { invMod, modOf, mulMod } from "../../src/exact/modular.ts";
import { checkIntegerSolution, type IntColumns, liftSolve } from "../../src/exact/padicLift.ts";
import { type Q, toFloat } from "../../src/exact/rational.ts";
import { toHighsModelData } from "../../src/lp/engine.ts";
import { exactSimplex, exactSimplexStats } from "../../src/lp/exactSimplex.ts";
import type { LpModel, LpResult, LpRow, LpTerm, RowSense } from "../../src/lp/model.ts";
import { solveByRowGeneration } from "../../src/lp/rowGeneration.ts";
import { type ImplicitLpModel, verify } from "../../src/lp/verify.ts";

const TWO53 = 2n ** 53n;
const fr = (n: bigint, d: bigint = 1n): Q => new Fraction(n, d);
const babs = (a: bigint) => (a < 0n ? -a : a);

/** Magnitudes at and around every threshold the fast paths use. */
const EDGE_MAGNITUDES: readonly bigint[] = [
  0n, 1n, 2n, 3n, 7n,
  2n ** 25n, 2n ** 26n - 1n, 2n ** 26n, 2n ** 26n + 1n,
  2n ** 51n - 1n, 2n ** 51n, 2n ** 51n + 1n,
  2n ** 52n - 1n, 2n ** 52n, 2n ** 52n + 1n,
  TWO53 - 2n, TWO53 - 1n, TWO53, TWO53 + 1n, TWO53 + 2n,
  2n ** 63n - 1n, 2n ** 64n - 1n, 2n ** 64n, 2n ** 64n + 1n,
];
const edgeMagnitude = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...EDGE_MAGNITUDES) },
  { weight: 1, arbitrary: fc.bigInt({ min: 0n, max: 2n ** 54n }) },
  { weight: 1, arbitrary: fc.bigInt({ min: 0n, max: 1000n }) },
);
const signed = (mag: fc.Arbitrary<bigint>) => fc.tuple(mag, fc.boolean()).map(([m, neg]) => (neg ? -m : m));

// ---------------------------------------------------------------------------------------------
// 1. verify (src/lp/verify.ts, floatActivitySign): the judge's row check in doubles.
// Invariant: coefficients are integers with |a| < 2^53 and the scaled point Xf has |Xf_j| < 2^53;
// each product a·Xf_j is exact while its magnitude is < 2^53, and once a true product or the
// running sum of magnitudes reaches 2^53 the rounded value is ≥ 2^53 too (rounding is monotone and
// 2^53 is a double), so `mag < 2^53` certifies that every product and every partial sum of S is an
// exact integer. Otherwise the BigInt path decides.
// ---------------------------------------------------------------------------------------------

/** Reference: sign(a·x − b) with fraction.js only. */
function refViolated(r: LpRow, x: readonly Q[]): boolean {
  const act = r.terms.reduce((s, t) => s.add(t.coef.mul(x[t.var]!)), new Fraction(0));
  const c = act.compare(r.rhs);
  return r.sense === "<=" ? c > 0 : r.sense === ">=" ? c < 0 : c !== 0;
}
/** The deliberately wrong variant (negative control): the row check in doubles with no bound check. */
function naiveViolated(r: LpRow, x: readonly Q[]): boolean {
  let s = 0;
  for (const t of r.terms) s += t.coef.valueOf() * x[t.var]!.valueOf();
  const b = r.rhs.valueOf();
  return r.sense === "<=" ? s > b : r.sense === ">=" ? s < b : s !== b;
}
/** Indices of the rows the judge reports as violated at x (an "optimal" certificate with zero duals). */
function judgeViolated(model: LpModel, x: readonly Q[]): Set<number> {
  const zero = new Fraction(0);
  const cert: LpResult = { status: "optimal", value: zero, primal: x, dual: { rows: model.rows.map(() => zero), reducedCosts: model.variables.map(() => zero) } };
  const report = verify(model, cert);
  const out = new Set<number>();
  if (report.ok) return out;
  for (const p of report.problems) {
    if (p.code !== "primal-row-violated") continue;
    const m = /row "r(\d+)"/.exec(p.message);
    out.add(Number(m![1]));
  }
  return out;
}

/** A point: entries of edge magnitude over small or huge denominators (the scaled Xf near 2^53 too). */
const pointEntry = fc.oneof(
  { weight: 4, arbitrary: signed(edgeMagnitude).map((n) => fr(n)) },
  { weight: 1, arbitrary: fc.tuple(signed(edgeMagnitude), fc.constantFrom(2n, 3n, 2n ** 26n, TWO53 - 1n, TWO53 + 1n)).map(([n, d]) => fr(n, d)) },
);
/** Coefficients: mostly integers at the edges (the float path), sometimes fractional (the BigInt path). */
const coefficient = fc.oneof(
  { weight: 6, arbitrary: signed(edgeMagnitude).map((n) => fr(n)) },
  { weight: 1, arbitrary: fc.tuple(signed(edgeMagnitude), fc.constantFrom(3n, TWO53 + 1n)).map(([n, d]) => fr(n, d)) },
);
/**
 * A model of rows over nv free variables with the right-hand side at the exact activity plus a
 * boundary offset (0, ±1, ±1/(3·2^53)): the verdict is decided by the last unit.
 */
const rowCase = (nv: number) =>
  fc
    .tuple(
      fc.array(pointEntry, { minLength: nv, maxLength: nv }),
      fc.array(
        fc.tuple(
          fc.array(fc.tuple(fc.nat({ max: nv - 1 }), coefficient), { minLength: 1, maxLength: 6 }),
          fc.constantFrom<RowSense>("<=", ">=", "="),
          fc.constantFrom(fr(0n), fr(1n), fr(-1n), fr(1n, 3n * TWO53), fr(-1n, 3n * TWO53), fr(2n)),
          // a cancelling row: +A·x_j, small terms, −A·x_j (partial sums past 2^53, final sum small)
          fc.boolean(),
        ),
        { minLength: 1, maxLength: 8 },
      ),
    )
    .map(([x, rowSpecs]) => {
      const rows: LpRow[] = rowSpecs.map(([terms, sense, offset, cancel], i) => {
        let ts: LpTerm[] = terms.map(([v, c]) => ({ var: v, coef: c }));
        if (cancel) {
          const [v0, c0] = terms[0]!;
          ts = [...ts, { var: v0, coef: c0.neg() }];
        }
        const act = ts.reduce((s, t) => s.add(t.coef.mul(x[t.var]!)), new Fraction(0));
        return { name: `r${i}`, terms: ts, sense, rhs: act.add(offset) };
      });
      const model: LpModel = {
        direction: "min",
        variables: x.map((_, j) => ({ name: `x${j}`, lower: null, upper: null })),
        rows,
        objective: [],
        objectiveConstant: new Fraction(0),
      };
      return { model, x };
    });

/**
 * Rows whose sum of |a_k·x_k| is exactly 2^53 + δ (δ ∈ −3..3): random products, the last term
 * chosen to land there, mixed signs, point entries 1 or −1 on those terms. With δ > 0 the rounded
 * magnitude sum can be 2^53 while the true one is not: the `mag < 2^53` test is the last line of
 * defence, and these rows sit right on it.
 */
const boundarySumCase = fc
  .tuple(
    fc.array(fc.tuple(fc.bigInt({ min: 1n, max: 2n ** 52n }), fc.boolean()), { minLength: 0, maxLength: 3 }),
    fc.integer({ min: -3, max: 3 }),
    fc.boolean(),
    fc.constantFrom<RowSense>("<=", ">=", "="),
    fc.constantFrom(fr(0n), fr(1n), fr(-1n), fr(2n), fr(-2n)),
    fc.boolean(),
  )
  .map(([head, delta, lastNeg, sense, offset, xNeg]) => {
    let total = 0n;
    const mags: bigint[] = [];
    for (const [mag] of head) if (total + mag < TWO53 - 8n) (mags.push(mag), (total += mag));
    const last = TWO53 + BigInt(delta) - total;
    const coefs = [...mags.map((c, k) => (head[k]![1] ? -c : c)), lastNeg ? -last : last];
    const x = coefs.map((_, k) => fr(xNeg && k % 2 === 0 ? -1n : 1n));
    const terms: LpTerm[] = coefs.map((c, k) => ({ var: k, coef: fr(c) }));
    const act = terms.reduce((s, t) => s.add(t.coef.mul(x[t.var]!)), new Fraction(0));
    const model: LpModel = {
      direction: "min",
      variables: x.map((_, j) => ({ name: `x${j}`, lower: null, upper: null })),
      rows: [{ name: "r0", terms, sense, rhs: act.add(offset) }],
      objective: [],
      objectiveConstant: new Fraction(0),
    };
    return { model, x };
  });

describe("verify: integer rows checked in doubles (floatActivitySign)", () => {
  it("rows whose magnitude sum is exactly 2^53 + δ (δ = −3..3): the judge agrees with fraction.js (2000 rows)", () => {
    fc.assert(
      fc.property(boundarySumCase, ({ model, x }) => {
        expect(judgeViolated(model, x).size).toBe(refViolated(model.rows[0]!, x) ? 1 : 0);
      }),
      { numRuns: 2000, seed: 1602 },
    );
    // negative control: plain doubles get some of these rows wrong
    const wrong = fc.sample(boundarySumCase, { numRuns: 2000, seed: 1602 }).filter(({ model, x }) => naiveViolated(model.rows[0]!, x) !== refViolated(model.rows[0]!, x)).length;
    expect(wrong).toBeGreaterThan(20);
  });
  const arb = fc.integer({ min: 1, max: 4 }).chain(rowCase);
  it("reports exactly the rows a fraction.js evaluation finds violated, at the 2^53 edges (600 models)", () => {
    fc.assert(
      fc.property(arb, ({ model, x }) => {
        const got = judgeViolated(model, x);
        const want = new Set(model.rows.flatMap((r, i) => (refViolated(r, x) ? [i] : [])));
        expect([...got].sort()).toEqual([...want].sort());
      }),
      { numRuns: 600, seed: 1601 },
    );
  });
  it("negative control: the same inputs in doubles without the magnitude bound give wrong verdicts", () => {
    let wrong = 0;
    for (const { model, x } of fc.sample(arb, { numRuns: 600, seed: 1601 })) {
      for (const r of model.rows) if (naiveViolated(r, x) !== refViolated(r, x)) wrong++;
    }
    expect(wrong).toBeGreaterThan(20);
  });
  it("a cancelling row whose partial sum passes 2^53 (true activity 2): rejected at ≤ 1, accepted at ≥ 2, unlike plain doubles", () => {
    const A = TWO53 - 1n; // a coefficient just inside the float path; A + 2 rounds to 2^53 in doubles
    const terms: LpTerm[] = [
      { var: 0, coef: fr(A) },
      { var: 1, coef: fr(2n) },
      { var: 2, coef: fr(-A) },
    ];
    const x = [fr(1n), fr(1n), fr(1n)];
    const model: LpModel = {
      direction: "min",
      variables: x.map((_, j) => ({ name: `x${j}`, lower: null, upper: null })),
      rows: [
        { name: "r0", terms, sense: "<=", rhs: fr(1n) },
        { name: "r1", terms, sense: ">=", rhs: fr(2n) },
        { name: "r2", terms, sense: "=", rhs: fr(2n) },
        { name: "r3", terms, sense: "=", rhs: fr(1n) },
      ],
      objective: [],
      objectiveConstant: new Fraction(0),
    };
    expect([...judgeViolated(model, x)].sort()).toEqual([0, 3]);
    // negative control: plain doubles compute activity 1 and get all four rows wrong
    expect(model.rows.map((r) => naiveViolated(r, x))).toEqual([false, true, true, false]);
  });
  it("−0 and a zero point: sign 0, never a violation of = 0 (−0 from a negative coefficient times 0)", () => {
    const model: LpModel = {
      direction: "min",
      variables: [{ name: "x0", lower: null, upper: null }, { name: "x1", lower: null, upper: null }],
      rows: [{ name: "r0", terms: [{ var: 0, coef: fr(-(TWO53 - 1n)) }, { var: 1, coef: fr(-1n) }], sense: "=", rhs: fr(0n) }],
      objective: [],
      objectiveConstant: new Fraction(0),
    };
    expect(judgeViolated(model, [fr(0n), fr(0n)]).size).toBe(0);
    expect(judgeViolated(model, [fr(0n), fr(1n, TWO53 + 1n)]).size).toBe(1); // negative control: −1/(2^53+1) ≠ 0
  });
});

// ---------------------------------------------------------------------------------------------
// 2. ImplicitLpModel: the judge streams rows on demand. Invariant: verify(implicit) ≡ verify(the
// same rows as an LpModel); and row generation returns only certificates the judge accepted on
// EVERY row of the full program (a bad reduced certificate is rejected, whatever produced it).
// ---------------------------------------------------------------------------------------------

function implicitOf(model: LpModel, onRow?: (i: number) => void): ImplicitLpModel {
  return {
    direction: model.direction,
    variables: model.variables,
    objective: model.objective,
    objectiveConstant: model.objectiveConstant,
    rowCount: model.rows.length,
    row: (i) => (onRow?.(i), model.rows[i]!),
  };
}
/** A small bounded LP with integer data at the double-path edges (coefficients ±2^26 ± 1 among small ones). */
function randomLp(seed: number, nv: number, m: number, edgy: boolean): LpModel {
  let s = seed >>> 0 || 7;
  const next = () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0);
  const pick = (): bigint => {
    const k = next() % 10;
    const small = BigInt((next() % 9) - 4);
    if (!edgy || k < 6) return small;
    const e = [2n ** 26n - 1n, 2n ** 26n, 2n ** 25n + 3n, 2n ** 13n][k - 6]!;
    return next() % 2 ? -e : e;
  };
  const rows: LpRow[] = [];
  for (let i = 0; i < m; i++) {
    const terms: LpTerm[] = [];
    for (let j = 0; j < nv; j++) {
      const c = pick();
      if (c !== 0n) terms.push({ var: j, coef: fr(c) });
    }
    if (terms.length === 0) terms.push({ var: i % nv, coef: fr(1n) });
    const sense = (["<=", ">=", "="] as const)[next() % 3]!;
    rows.push({ name: `r${i}`, terms, sense, rhs: fr(BigInt(next() % 41) - 20n) });
  }
  return {
    direction: next() % 2 ? "max" : "min",
    variables: Array.from({ length: nv }, (_, j) => ({ name: `x${j}`, lower: fr(BigInt(-(next() % 5))), upper: fr(BigInt(1 + (next() % 7))) })),
    rows,
    objective: Array.from({ length: nv }, (_, j) => ({ var: j, coef: fr(BigInt((next() % 11) - 5)) })),
    objectiveConstant: fr(0n),
  };
}
/** Certificates tampered by 1/7 in one entry (each field that the judge reads). */
function tampered(r: LpResult, k: number): LpResult {
  const d = new Fraction(1, 7);
  const bump = (v: readonly Q[]) => v.map((e, i) => (i === k % v.length ? e.add(d) : e));
  if (r.status === "optimal") {
    switch (k % 4) {
      case 0: return { ...r, primal: bump(r.primal) };
      case 1: return { ...r, dual: { ...r.dual, rows: bump(r.dual.rows) } };
      case 2: return { ...r, dual: { ...r.dual, reducedCosts: bump(r.dual.reducedCosts) } };
      default: return { ...r, value: r.value.add(d) };
    }
  }
  if (r.status === "infeasible") return { ...r, farkas: { rows: bump(r.farkas.rows) } };
  return { ...r, point: bump(r.point) };
}

describe("ImplicitLpModel: the judge on rows made on demand", () => {
  it("gives the same report as on the materialized rows, for exact and tampered certificates (120 LPs × 5)", () => {
    let rejected = 0;
    for (let seed = 1; seed <= 120; seed++) {
      const model = randomLp(seed, 2 + (seed % 4), 2 + (seed % 5), seed % 2 === 0);
      const exact = exactSimplex(model);
      const seen = new Uint8Array(model.rows.length);
      for (const cert of [exact, tampered(exact, seed), tampered(exact, seed + 1), tampered(exact, seed + 2), tampered(exact, seed + 3)]) {
        const a = verify(model, cert);
        seen.fill(0);
        const b = verify(implicitOf(model, (i) => (seen[i] = 1)), cert);
        expect(b).toEqual(a);
        expect(seen.every((v) => v === 1)).toBe(true); // every row was read
        if (!a.ok) rejected++;
      }
      expect(verify(model, exact).ok).toBe(true);
    }
    expect(rejected).toBeGreaterThan(300); // the tampered ones are mostly caught (negative control)
  });
  it("row generation on an implicit model: a bad reduced certificate is rejected on the full program, a good one accepted", () => {
    let checked = 0;
    for (let seed = 200; seed < 800 && checked < 12; seed++) {
      const model = randomLp(seed, 3, 6, seed % 2 === 0);
      const full = exactSimplex(model);
      if (full.status !== "optimal") continue;
      checked++;
      for (const expectComplete of [false, true]) {
        const opts = { initialRows: [0, 1, 2], expectComplete };
        const good = solveByRowGeneration(implicitOf(model), { ...opts, solveReduced: (mm) => exactSimplex(mm) });
        expect(good.status).toBe("optimal");
        expect(verify(model, good).ok).toBe(true);
        if (good.status === "optimal") expect(good.value.equals(full.value)).toBe(true);
        // the reduced solver lies about the value by 1/7: the full-program judge must refuse it
        expect(() => solveByRowGeneration(implicitOf(model), { ...opts, solveReduced: (mm) => tampered(exactSimplex(mm), 3) })).toThrow(/certificate was rejected|value-mismatch/);
      }
    }
    expect(checked).toBe(12);
  });
});
