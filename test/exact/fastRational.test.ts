// The exact core below the LP: the hot-loop rational (src/exact/fastRational.ts), the field interface
// and Z/pZ (field.ts, modular.ts), the sparse LU over any field (sparseLu.ts) and rational
// reconstruction (ratRecon.ts). Expected values come from fraction.js or from direct multiplication,
// never from the code under test; each block has a negative control.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import Fraction from "fraction.js";
import { isMechcheckError } from "../../src/errors.ts";
import { bgcd, rat, ratAdd, ratCmp, ratDiv, ratFromQ, ratInv, ratLcmDenominator, ratMul, ratSub, ratSubMul, ratToQ, type Rat } from "../../src/exact/fastRational.ts";
import { Q_FIELD, RAT_FIELD } from "../../src/exact/field.ts";
import { invMod, modOf, primeField } from "../../src/exact/modular.ts";
import { bsqrt, ratRecon, reconstructVector } from "../../src/exact/ratRecon.ts";
import { SparseLu } from "../../src/exact/sparseLu.ts";

const RUNS = Number(process.env.MECHCHECK_RUNS ?? 100);
const P = 67108859;

/** Rationals with numerators and denominators up to ~2^80, so the bigint (not the double) gcd runs. */
const bigQ = fc
  .tuple(fc.bigInt({ min: -(1n << 80n), max: 1n << 80n }), fc.bigInt({ min: 1n, max: 1n << 80n }))
  .map(([n, d]) => new Fraction(n, d));

describe("fastRational", () => {
  it("agrees with fraction.js on large values and returns normalized pairs", () => {
    fc.assert(
      fc.property(bigQ, bigQ, bigQ, (a, b, c) => {
        const [ra, rb, rc] = [a, b, c].map(ratFromQ) as [Rat, Rat, Rat];
        const normalized = (x: Rat) => x.d > 0n && bgcd(x.n, x.d) === (x.n === 0n ? x.d : 1n);
        for (const [got, want] of [
          [ratAdd(ra, rb), a.add(b)],
          [ratSub(ra, rb), a.sub(b)],
          [ratMul(ra, rb), a.mul(b)],
          [ratSubMul(ra, rb, rc), a.sub(b.mul(c))],
        ] as [Rat, Fraction][]) {
          expect(ratToQ(got).equals(want)).toBe(true);
          expect(normalized(got)).toBe(true);
        }
        if (b.n !== 0n) {
          expect(ratToQ(ratDiv(ra, rb)).equals(a.div(b))).toBe(true);
          expect(ratToQ(ratInv(rb)).equals(b.inverse())).toBe(true);
        }
        expect(ratCmp(ra, rb)).toBe(a.compare(b) < 0 ? -1 : a.compare(b) > 0 ? 1 : 0);
      }),
      { numRuns: RUNS, seed: 12 },
    );
  });

  it("the lcm of denominators clears every denominator, and is the least such (checked against fraction.js)", () => {
    const v = [rat(1n, 6n), rat(5n, 4n), rat(-7n, 9n), rat(3n)];
    const l = ratLcmDenominator(v);
    expect(l).toBe(36n);
    for (const x of v) expect(ratToQ(x).mul(new Fraction(l)).d).toBe(1n);
    // negative control: half the lcm does not clear them
    expect(v.some((x) => ratToQ(x).mul(new Fraction(l / 2n)).d !== 1n)).toBe(true);
  });

  it("refuses a zero denominator and division by zero", () => {
    expect(() => rat(1n, 0n)).toThrow(expect.objectContaining({ code: "division-by-zero" }));
    expect(() => ratDiv(rat(1n), rat(0n))).toThrow(expect.objectContaining({ code: "division-by-zero" }));
  });
});

describe("Z/pZ", () => {
  it("invMod is the inverse and modOf the canonical residue (checked by bigint arithmetic)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: P - 1 }), fc.bigInt({ min: -(1n << 90n), max: 1n << 90n }), (a, big) => {
        expect((BigInt(a) * BigInt(invMod(a, P))) % BigInt(P)).toBe(1n);
        const r = modOf(big, P, BigInt(P));
        expect(r >= 0 && r < P).toBe(true);
        expect((big - BigInt(r)) % BigInt(P)).toBe(0n);
      }),
      { numRuns: RUNS, seed: 13 },
    );
  });

  it("refuses a modulus whose products would not be exact in doubles", () => {
    expect(() => primeField(2 ** 26 + 15)).toThrow(expect.objectContaining({ code: "bad-argument" }));
    expect(primeField(P).mul(P - 1, P - 1)).toBe(1); // (−1)² = 1: exact at the top of the range
  });
});

/** A random integer matrix (by columns) with a nonzero diagonal and a few off-diagonal entries. */
const intMatrix = fc.integer({ min: 1, max: 8 }).chain((m) =>
  fc.record({
    m: fc.constant(m),
    diag: fc.array(fc.integer({ min: 1, max: 50 }), { minLength: m, maxLength: m }),
    off: fc.array(fc.tuple(fc.integer({ min: 0, max: m - 1 }), fc.integer({ min: 0, max: m - 1 }), fc.integer({ min: -20, max: 20 })), { maxLength: 2 * m }),
    rhs: fc.array(fc.integer({ min: -30, max: 30 }), { minLength: m, maxLength: m }),
  }),
);

function columnsOf(x: { m: number; diag: number[]; off: [number, number, number][] }): { rows: number[]; vals: bigint[] }[] {
  const cols = Array.from({ length: x.m }, (_, j) => ({ rows: [j], vals: [BigInt(x.diag[j]!)] }));
  for (const [i, j, v] of x.off) if (i !== j) {
    cols[j]!.rows.push(i);
    cols[j]!.vals.push(BigInt(v));
  }
  return cols;
}

describe("SparseLu over a field", () => {
  it("mod p: B x ≡ r and Bᵀ y ≡ c by direct multiplication, or B is singular mod p", () => {
    let solved = 0;
    fc.assert(
      fc.property(intMatrix, (spec) => {
        const F = primeField(P);
        const cols = columnsOf(spec);
        const pb = BigInt(P);
        const lu = SparseLu.factorOver(F, spec.m, cols.map((c) => ({ rows: c.rows, vals: c.vals.map((v) => modOf(v, P, pb)) })));
        if (!(lu instanceof SparseLu)) return; // singular mod p (rare); decided below on the rationals
        solved++;
        const r = spec.rhs.map((v) => modOf(BigInt(v), P, pb));
        const x = lu.solve(r);
        const y = lu.solveTranspose(r);
        const Bx = new Array<bigint>(spec.m).fill(0n);
        cols.forEach((c, j) => c.rows.forEach((i, k) => (Bx[i] = Bx[i]! + c.vals[k]! * BigInt(x[j]!))));
        Bx.forEach((v, i) => expect(((v - BigInt(r[i]!)) % pb + pb) % pb).toBe(0n));
        cols.forEach((c, j) => {
          let s = 0n;
          c.rows.forEach((i, k) => (s += c.vals[k]! * BigInt(y[i]!)));
          expect(((s - BigInt(r[j]!)) % pb + pb) % pb).toBe(0n);
        });
      }),
      { numRuns: RUNS, seed: 14 },
    );
    expect(solved).toBeGreaterThan(RUNS / 2);
  });

  it("over fraction.js and over Rat: the same exact solution (two representations, one LU)", () => {
    fc.assert(
      fc.property(intMatrix, (spec) => {
        const cols = columnsOf(spec);
        const qc = cols.map((c) => ({ rows: c.rows, vals: c.vals.map((v) => new Fraction(v)) }));
        const a = SparseLu.factorOver(Q_FIELD, spec.m, qc);
        const b = SparseLu.factorOver(RAT_FIELD, spec.m, qc.map((c) => ({ rows: c.rows, vals: c.vals.map(ratFromQ) })));
        expect(a instanceof SparseLu).toBe(b instanceof SparseLu);
        if (!(a instanceof SparseLu) || !(b instanceof SparseLu)) return;
        const r = spec.rhs.map((v) => new Fraction(v));
        const xa = a.solve(r);
        const xb = b.solve(r.map(ratFromQ));
        xa.forEach((v, j) => expect(v.equals(ratToQ(xb[j]!))).toBe(true));
        // and it solves B x = r (fraction.js multiplication)
        const Bx = new Array<Fraction>(spec.m).fill(new Fraction(0));
        qc.forEach((c, j) => c.rows.forEach((i, k) => (Bx[i] = Bx[i]!.add(c.vals[k]!.mul(xa[j]!)))));
        Bx.forEach((v, i) => expect(v.equals(r[i]!)).toBe(true));
      }),
      { numRuns: RUNS, seed: 15 },
    );
  });

  it("negative control: a matrix with two equal columns is singular over Q and mod p", () => {
    const cols = [
      { rows: [0, 1], vals: [2n, 3n] },
      { rows: [0, 1], vals: [2n, 3n] },
      { rows: [2], vals: [1n] },
    ];
    expect(SparseLu.factorOver(primeField(P), 3, cols.map((c) => ({ rows: c.rows, vals: c.vals.map(Number) })))).toHaveProperty("singular");
    try {
      SparseLu.factor(3, cols.map((c) => ({ rows: c.rows, vals: c.vals.map((v) => rat(v)) })));
      expect.unreachable("a singular matrix was factored");
    } catch (e) {
      expect(isMechcheckError(e) && e.code === "singular").toBe(true);
    }
    // a matrix singular mod p only: det = p
    expect(SparseLu.factorOver(primeField(7), 1, [{ rows: [0], vals: [Number(modOf(7n, 7, 7n))] }])).toHaveProperty("singular");
  });
});

describe("rational reconstruction", () => {
  it("recovers n/d from its residue when 2·max(|n|, d)² < M, and a shared denominator for a vector", () => {
    const M = BigInt(P) ** 2n;
    const N = bsqrt(M / 2n);
    expect(N * N <= M / 2n && (N + 1n) * (N + 1n) > M / 2n).toBe(true);
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.bigInt({ min: -(1n << 20n), max: 1n << 20n }), fc.bigInt({ min: 1n, max: 1n << 12n })), { minLength: 1, maxLength: 4 }), (vs) => {
        // u ≡ n·d⁻¹ (mod M)
        const residues = vs.map(([n, d]) => ((n * modInverse(d, M)) % M + M) % M);
        const one = ratRecon(residues[0]!, M, N)!;
        expect(new Fraction(one.n, one.d).equals(new Fraction(vs[0]![0], vs[0]![1]))).toBe(true);
        const all = reconstructVector(residues, M);
        if (all === null) return; // the shared denominator may exceed N; then no claim is made
        all.num.forEach((n, i) => expect(new Fraction(n, all.den).equals(new Fraction(vs[i]![0], vs[i]![1]))).toBe(true));
      }),
      { numRuns: RUNS, seed: 16 },
    );
  });

  it("negative control: a fraction beyond the bound is not recovered", () => {
    const M = 10007n * 10009n;
    const N = bsqrt(M / 2n);
    const n = N + 5n;
    const d = 3n;
    const u = ((n * modInverse(d, M)) % M + M) % M;
    const got = ratRecon(u, M, N);
    expect(got === null || !new Fraction(got.n, got.d).equals(new Fraction(n, d))).toBe(true);
  });
});

/** d⁻¹ mod M by the extended Euclidean algorithm on bigints (test-side, independent of ratRecon). */
function modInverse(d: bigint, M: bigint): bigint {
  let [r0, r1] = [M, ((d % M) + M) % M];
  let [t0, t1] = [0n, 1n];
  while (r1 !== 0n) {
    const q = r0 / r1;
    [r0, r1] = [r1, r0 - q * r1];
    [t0, t1] = [t1, t0 - q * t1];
  }
  if (r0 !== 1n) throw new Error("not invertible");
  return ((t0 % M) + M) % M;
}
