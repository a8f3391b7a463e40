import { describe, expect, it } from "vitest";
import fc from "fast-check";
import Fraction from "fraction.js";
import { isMechcheckError } from "../../src/errors.ts";
import { q, type Q, ZERO } from "../../src/exact/rational.ts";
import { rat, ratAdd, ratCmp, ratDiv, ratFromQ, ratMul, ratSub, ratToQ, type Rat } from "../../src/exact/fastRational.ts";
import { factorSparse, SparseLu } from "../../src/exact/sparseLu.ts";
import { type BasisSolveStats, solveBasisSystems } from "../../src/lp/basisSolve.ts";

const RUNS = Number(process.env.MECHCHECK_RUNS ?? 100);

type Cols = { rows: number[]; vals: Q[] }[];

/** Dense exact rank by plain Gaussian elimination on fraction.js values (independent of the LU). */
function denseRank(m: number, cols: Cols): number {
  const a: Q[][] = Array.from({ length: m }, () => Array.from({ length: m }, () => ZERO));
  cols.forEach((c, j) => c.rows.forEach((i, k) => (a[i]![j] = a[i]![j]!.add(c.vals[k]!))));
  let rank = 0;
  for (let col = 0; col < m && rank < m; col++) {
    const piv = a.findIndex((row, i) => i >= rank && row[col]!.n !== 0n);
    if (piv < 0) continue;
    [a[rank], a[piv]] = [a[piv]!, a[rank]!];
    for (let i = 0; i < m; i++) {
      if (i === rank || a[i]![col]!.n === 0n) continue;
      const f = a[i]![col]!.div(a[rank]![col]!);
      for (let j = col; j < m; j++) a[i]![j] = a[i]![j]!.sub(f.mul(a[rank]![j]!));
    }
    rank++;
  }
  return rank;
}

function mulB(m: number, cols: Cols, x: Q[]): Q[] {
  const out = Array.from({ length: m }, () => ZERO);
  cols.forEach((c, j) => c.rows.forEach((i, k) => (out[i] = out[i]!.add(c.vals[k]!.mul(x[j]!)))));
  return out;
}
function mulBt(cols: Cols, y: Q[]): Q[] {
  return cols.map((c) => c.rows.reduce((s, i, k) => s.add(c.vals[k]!.mul(y[i]!)), ZERO));
}

const smallQ = fc
  .tuple(fc.integer({ min: -6, max: 6 }), fc.integer({ min: 1, max: 4 }))
  .map(([n, d]) => new Fraction(n, d));

/** A random sparse square matrix; some columns are ±unit vectors (slacks). */
const sparseMatrix = fc.integer({ min: 1, max: 9 }).chain((m) =>
  fc
    .array(
      fc.oneof(
        fc.record({ kind: fc.constant("unit" as const), row: fc.integer({ min: 0, max: m - 1 }), v: fc.constantFrom(1, -1) }),
        fc.record({
          kind: fc.constant("sparse" as const),
          entries: fc.array(fc.tuple(fc.integer({ min: 0, max: m - 1 }), smallQ), { minLength: 0, maxLength: Math.min(m, 4) }),
        }),
      ),
      { minLength: m, maxLength: m },
    )
    .map((spec) => {
      const cols: Cols = spec.map((s) =>
        s.kind === "unit" ? { rows: [s.row], vals: [q(s.v)] } : { rows: s.entries.map((e) => e[0]), vals: s.entries.map((e) => e[1]) },
      );
      return { m, cols };
    }),
);

describe("Rat arithmetic", () => {
  it("agrees with fraction.js", () => {
    fc.assert(
      fc.property(smallQ, smallQ, (a, b) => {
        const ra = ratFromQ(a);
        const rb = ratFromQ(b);
        expect(ratToQ(ratAdd(ra, rb)).equals(a.add(b))).toBe(true);
        expect(ratToQ(ratSub(ra, rb)).equals(a.sub(b))).toBe(true);
        expect(ratToQ(ratMul(ra, rb)).equals(a.mul(b))).toBe(true);
        if (b.n !== 0n) expect(ratToQ(ratDiv(ra, rb)).equals(a.div(b))).toBe(true);
        expect(ratCmp(ra, rb)).toBe(a.compare(b) < 0 ? -1 : a.compare(b) > 0 ? 1 : 0);
        // results are normalized: equal values have equal representations
        const s = ratAdd(ra, rb);
        const r2 = rat(s.n * 7n, s.d * 7n);
        expect(r2.n === s.n && r2.d === s.d).toBe(true);
      }),
      { seed: 42, numRuns: RUNS },
    );
  });
  it("normalizes big values beyond 2^53", () => {
    const big = 2n ** 80n;
    const r: Rat = rat(6n * big, -4n * big);
    expect(r).toEqual({ n: -3n, d: 2n });
  });
});

describe("SparseLu", () => {
  it("solves B x = r and Bᵀ y = c exactly, or reports a matrix that is really singular", () => {
    let factored = 0;
    let singular = 0;
    fc.assert(
      fc.property(sparseMatrix, fc.array(smallQ, { minLength: 9, maxLength: 9 }), fc.array(smallQ, { minLength: 9, maxLength: 9 }), ({ m, cols }, rr, cr) => {
        const r = rr.slice(0, m);
        const c = cr.slice(0, m);
        let lu: SparseLu;
        try {
          lu = factorSparse(m, cols);
        } catch (e) {
          expect(isMechcheckError(e) && e.code === "singular").toBe(true);
          expect(denseRank(m, cols)).toBeLessThan(m);
          singular++;
          return;
        }
        factored++;
        expect(denseRank(m, cols)).toBe(m);
        const x = lu.solveQ(r);
        mulB(m, cols, x).forEach((v, i) => expect(v.equals(r[i]!)).toBe(true));
        const y = lu.solveTransposeQ(c);
        mulBt(cols, y).forEach((v, j) => expect(v.equals(c[j]!)).toBe(true));
      }),
      { seed: 42, numRuns: RUNS * 3 },
    );
    // the generator must exercise both outcomes
    expect(factored).toBeGreaterThan(0);
    expect(singular).toBeGreaterThan(0);
  });

  it("hand example: [[2,1],[0,3]] x = (5,6) gives x = (3/2, 2); transpose gives y = (1, -1/3) for c = (2, 0)", () => {
    // columns: col0 = (2, 0), col1 = (1, 3).  Back substitution: 3·x1 = 6 → x1 = 2; 2·x0 + 2 = 5 → x0 = 3/2.
    // Bᵀ y = c: 2·y0 = 2 → y0 = 1; y0 + 3·y1 = 0 → y1 = −1/3.
    const lu = factorSparse(2, [
      { rows: [0], vals: [q(2)] },
      { rows: [0, 1], vals: [q(1), q(3)] },
    ]);
    expect(lu.solveQ([q(5), q(6)]).map((v) => v.toFraction())).toEqual(["3/2", "2"]);
    expect(lu.solveTransposeQ([q(2), q(0)]).map((v) => v.toFraction())).toEqual(["1", "-1/3"]);
  });

  it("rejects a non-square basis and a singular one", () => {
    expect(() => factorSparse(2, [{ rows: [0], vals: [q(1)] }])).toThrow(/not square/);
    // two equal columns
    expect(() =>
      factorSparse(2, [
        { rows: [0, 1], vals: [q(1), q(2)] },
        { rows: [0, 1], vals: [q(1), q(2)] },
      ]),
    ).toThrow(expect.objectContaining({ code: "singular" }));
  });

  it("factors a 15,000-row slack-heavy basis, with slack pivots free of fill (its speed is measured in bench/lu-profile.ts, not here)", () => {
    // Basis of an LP with m rows: 300 structural columns (each with 40 random entries) plus
    // slack columns −e_i for the rows not covered by a structural pivot.  To make it nonsingular
    // by construction, structural column t has a large diagonal entry in row t·50 and the slack
    // set excludes those rows.
    const m = 15000;
    const nStruct = 300;
    let seed = 12345;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const cols: { rows: number[]; vals: Rat[] }[] = [];
    const diagRows = new Set<number>();
    for (let t = 0; t < nStruct; t++) {
      const d = t * 50;
      diagRows.add(d);
      const rows = new Set<number>([d]);
      while (rows.size < 40) rows.add(Math.floor(rnd() * m));
      const rs = [...rows];
      cols.push({ rows: rs, vals: rs.map((i) => (i === d ? rat(1000n) : rat(BigInt(1 + Math.floor(rnd() * 5)), BigInt(1 + Math.floor(rnd() * 3))))) });
    }
    for (let i = 0; i < m; i++) if (!diagRows.has(i)) cols.push({ rows: [i], vals: [rat(-1n)] });
    const lu = SparseLu.factor(m, cols);
    const r = Array.from({ length: m }, (_, i) => rat(BigInt((i % 7) - 3)));
    const x = lu.solve(r);
    const y = lu.solveTranspose(Array.from({ length: m }, (_, j) => rat(BigInt(j % 3))));
    expect(lu.stats.singletonColumnPivots).toBeGreaterThanOrEqual(m - nStruct);
    // exact residual check
    const bx = Array.from({ length: m }, () => rat(0n));
    cols.forEach((c, j) => c.rows.forEach((i, k) => (bx[i] = ratAdd(bx[i]!, ratMul(c.vals[k]!, x[j]!)))));
    bx.forEach((v, i) => expect(ratCmp(v, r[i]!)).toBe(0));
    cols.forEach((c, j) => {
      const s = c.rows.reduce((acc, i, k) => ratAdd(acc, ratMul(c.vals[k]!, y[i]!)), rat(0n));
      expect(ratCmp(s, rat(BigInt(j % 3)))).toBe(0);
    });
  });
});

describe("solveBasisSystems (mod-p LU + p-adic lifting)", () => {
  const toRat = (cols: Cols) => cols.map((c) => ({ rows: c.rows, vals: c.vals.map(ratFromQ) }));
  const same = (a: Rat[], b: Rat[]) => a.length === b.length && a.every((v, i) => v.n === b[i]!.n && v.d === b[i]!.d);

  it("gives bit-for-bit SparseLu's rationals, or its singular-basis error, for default and tiny primes", () => {
    const seen = { modular: 0, rational: 0, singular: 0, lifted: 0 };
    fc.assert(
      fc.property(
        sparseMatrix,
        fc.array(smallQ, { minLength: 9, maxLength: 9 }),
        fc.array(smallQ, { minLength: 9, maxLength: 9 }),
        fc.constantFrom<readonly number[] | undefined>(undefined, [2], [3, 5], [7]),
        ({ m, cols }, rr, cr, primes) => {
          const r = rr.slice(0, m).map(ratFromQ);
          const c = cr.slice(0, m).map(ratFromQ);
          const rc = toRat(cols);
          let ref: { x: Rat[]; y: Rat[] } | null = null;
          try {
            const lu = SparseLu.factor(m, rc);
            ref = { x: lu.solve(r), y: lu.solveTranspose(c) };
          } catch (e) {
            expect(isMechcheckError(e) && e.code === "singular").toBe(true);
          }
          const st = {} as BasisSolveStats;
          if (ref === null) {
            expect(() => solveBasisSystems(m, rc, r, c, { ...(primes ? { primes } : {}), stats: st })).toThrow(expect.objectContaining({ code: "singular" }));
            seen.singular++;
            return;
          }
          const got = solveBasisSystems(m, rc, r, c, { ...(primes ? { primes } : {}), stats: st });
          expect(same(got.x!, ref.x)).toBe(true);
          expect(same(got.y!, ref.y)).toBe(true);
          seen[st.method]++;
          if (st.liftSteps[0] > 1 || st.liftSteps[1] > 1) seen.lifted++;
          // one side only
          expect(same(solveBasisSystems(m, rc, r, null, primes ? { primes } : {}).x!, ref.x)).toBe(true);
          expect(solveBasisSystems(m, rc, null, c, primes ? { primes } : {}).x).toBeNull();
        },
      ),
      { seed: 7, numRuns: RUNS * 4 },
    );
    // all routes exercised: modular, fallback (singular mod a tiny prime), singular, multi-step lifting
    expect(seen.modular).toBeGreaterThan(0);
    expect(seen.rational).toBeGreaterThan(0);
    expect(seen.singular).toBeGreaterThan(0);
    expect(seen.lifted).toBeGreaterThan(0);
  });

  it("hand example with a slack column and det divisible by the prime: falls back, same answer", () => {
    // B = [[3, 0, 0], [0, 1, 1], [0, 1, -2]] as columns: col0 = 3·e0 (slack), col1 = (0,1,1), col2 = (0,1,-2); det = 3·(−3) = −9
    const cols = [
      { rows: [0], vals: [rat(3n)] },
      { rows: [1, 2], vals: [rat(1n), rat(1n)] },
      { rows: [1, 2], vals: [rat(1n), rat(-2n)] },
    ];
    const r = [rat(1n), rat(2n), rat(1n, 2n)];
    const c = [rat(1n), rat(0n), rat(5n, 7n)];
    const lu = SparseLu.factor(3, cols);
    for (const primes of [undefined, [3], [3, 5], []]) {
      const st = {} as BasisSolveStats;
      const got = solveBasisSystems(3, cols, r, c, { ...(primes ? { primes } : {}), stats: st });
      expect(same(got.x!, lu.solve(r))).toBe(true);
      expect(same(got.y!, lu.solveTranspose(c))).toBe(true);
      // the core [[1,1],[1,−2]] has det −3: singular mod 3 only
      expect(st.method).toBe(primes?.length === 1 && primes[0] === 3 ? "rational" : primes?.length === 0 ? "rational" : "modular");
    }
    // x: 3·x0 = 1; x1 + x2 = 2, x1 − 2·x2 = 1/2 → x2 = 1/2, x1 = 3/2
    expect(solveBasisSystems(3, cols, r, null).x!.map((v) => ratToQ(v).toFraction())).toEqual(["1/3", "3/2", "1/2"]);
  });

  it("solves a 120×120 sparse system whose solution needs many lifting steps", () => {
    // (the rational LU takes minutes on the 300×300 version of this: its entries grow to ~1,600 bits)
    const m = 120;
    let seed = 99;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const cols = Array.from({ length: m }, (_, j) => {
      const rows = new Set<number>([j]);
      while (rows.size < 8) rows.add(Math.floor(rnd() * m));
      const rs = [...rows];
      return { rows: rs, vals: rs.map(() => rat(BigInt(Math.floor(rnd() * 19) - 9 || 1), BigInt(1 + Math.floor(rnd() * 4)))) };
    });
    const r = Array.from({ length: m }, (_, i) => rat(BigInt((i % 7) - 3), 2n));
    const c = Array.from({ length: m }, (_, j) => rat(BigInt(j % 3), 5n));
    const st = {} as BasisSolveStats;
    let got: { x: Rat[] | null; y: Rat[] | null };
    try {
      got = solveBasisSystems(m, cols, r, c, { stats: st });
    } catch (e) {
      expect(() => SparseLu.factor(m, cols)).toThrow(expect.objectContaining({ code: "singular" }));
      return;
    }
    expect(st.method).toBe("modular");
    expect(st.liftSteps[0]).toBeGreaterThan(3);
    // exact residual checks
    const bx = Array.from({ length: m }, () => rat(0n));
    cols.forEach((col, j) => col.rows.forEach((i, k) => (bx[i] = ratAdd(bx[i]!, ratMul(col.vals[k]!, got.x![j]!)))));
    bx.forEach((v, i) => expect(ratCmp(v, r[i]!)).toBe(0));
    cols.forEach((col, j) => {
      const s = col.rows.reduce((acc, i, k) => ratAdd(acc, ratMul(col.vals[k]!, got.y![i]!)), rat(0n));
      expect(ratCmp(s, c[j]!)).toBe(0);
    });
  });
});
