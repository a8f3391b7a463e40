import fc from "fast-check";
import Fraction from "fraction.js";
import { describe, expect, it } from "vitest";
import { MechcheckError } from "../../src/errors.ts";
import { determinant, identity, inverse, matMul, matVec, nullSpace, rank, rref, shapeOf, solve, solveNonsingular, transpose, type Matrix } from "../../src/exact/linalg.ts";
import { q, type Q, qdot, ZERO } from "../../src/exact/rational.ts";

const RUNS = { seed: 42, numRuns: Number(process.env.MECHCHECK_RUNS ?? 100) };

/** A small rational: numerator in [-4, 4] (zero often), denominator in [1, 3]. */
const rat = fc.tuple(fc.integer({ min: -4, max: 4 }), fc.integer({ min: 1, max: 3 })).map(([n, d]) => new Fraction(n, d));
const matrix = (rows: number, cols: number) => fc.array(fc.array(rat, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows });
const vector = (n: number) => fc.array(rat, { minLength: n, maxLength: n });
const dims = fc.tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }));
/** A matrix that is random, or a product of thin matrices (rank ≤ k), so singular ones are common. */
const anyMatrix = (rows: number, cols: number): fc.Arbitrary<Q[][]> =>
  fc.oneof(
    matrix(rows, cols),
    fc.integer({ min: 0, max: Math.max(0, Math.min(rows, cols) - 1) }).chain((k) => fc.tuple(matrix(rows, k), matrix(k, cols)).map(([L, R]) => (k === 0 ? zeros(rows, cols) : matMul(L, R)))),
  );
const sized = dims.chain(([m, n]) => anyMatrix(m, n));
const square = fc.integer({ min: 1, max: 5 }).chain((n) => anyMatrix(n, n));

function zeros(m: number, n: number): Q[][] {
  return Array.from({ length: m }, () => Array.from({ length: n }, () => ZERO));
}
function eqVec(a: readonly Q[], b: readonly Q[]): boolean {
  return a.length === b.length && a.every((x, i) => x.equals(b[i]!));
}
function eqMat(A: Matrix, B: Matrix): boolean {
  return A.length === B.length && A.every((r, i) => eqVec(r, B[i]!));
}
function snapshot(A: Matrix): string[][] {
  return A.map((r) => r.map((x) => x.toFraction()));
}

/** Leibniz formula: Σ_σ sgn(σ) Π_i A[i][σ(i)], an independent determinant. */
function leibniz(A: Matrix): Q {
  const n = A.length;
  let total = ZERO;
  const perm = (prefix: number[], rest: number[]): void => {
    if (rest.length === 0) {
      let inversions = 0;
      for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) if (prefix[i]! > prefix[j]!) inversions++;
      let p = new Fraction(inversions % 2 === 0 ? 1 : -1);
      for (let i = 0; i < n; i++) p = p.mul(A[i]![prefix[i]!]!);
      total = total.add(p);
      return;
    }
    rest.forEach((c, k) => perm([...prefix, c], [...rest.slice(0, k), ...rest.slice(k + 1)]));
  };
  perm([], [...Array(n).keys()]);
  return total;
}

const Q_ = (rows: (number | string)[][]): Q[][] => rows.map((r) => r.map((x) => q(x)));

describe("linalg: fixed examples checked by hand", () => {
  it("solves a 2×2 system: x + 2y = 5, 3x + 4y = 6 → x = -4, y = 9/2", () => {
    const x = solve(Q_([[1, 2], [3, 4]]), [q(5), q(6)]);
    expect(x?.map((v) => v.toFraction())).toEqual(["-4", "9/2"]);
  });
  it("detects inconsistency: x + y = 1, 2x + 2y = 3", () => {
    expect(solve(Q_([[1, 1], [2, 2]]), [q(1), q(3)])).toBeNull();
  });
  it("det [[1,2],[3,4]] = 1·4 − 2·3 = −2; inverse = [[−2, 1], [3/2, −1/2]]", () => {
    const A = Q_([[1, 2], [3, 4]]);
    expect(determinant(A).toFraction()).toBe("-2");
    expect(snapshot(inverse(A))).toEqual([["-2", "1"], ["3/2", "-1/2"]]);
  });
  it("rref of [[2,4,6],[1,2,4]]: pivots 0 and 2", () => {
    const { matrix: R, pivots } = rref(Q_([[2, 4, 6], [1, 2, 4]]));
    expect(pivots).toEqual([0, 2]);
    expect(snapshot(R)).toEqual([["1", "2", "0"], ["0", "0", "1"]]);
  });
  it("null space of [[1, 1, 1]] has dimension 2, basis (−1,1,0), (−1,0,1)", () => {
    expect(nullSpace(Q_([[1, 1, 1]])).map((v) => v.map((x) => x.toFraction()))).toEqual([["-1", "1", "0"], ["-1", "0", "1"]]);
  });
  it("det of the empty matrix is 1, rank 0", () => {
    expect(determinant([]).toFraction()).toBe("1");
    expect(rank([])).toBe(0);
    expect(nullSpace([], 3)).toHaveLength(3);
  });
});

describe("linalg: validation", () => {
  it("names the ragged row", () => {
    const bad = [[q(1), q(2)], [q(3), q(4)], [q(5)]];
    expect(() => rank(bad)).toThrowError(MechcheckError);
    expect(() => rank(bad)).toThrowError(/A\[2\]: row has length 1, expected 2/);
    try {
      rank(bad);
    } catch (e) {
      expect((e as MechcheckError).path).toBe("A[2]");
      expect((e as MechcheckError).code).toBe("dimension");
    }
  });
  it("names a non-rational entry", () => {
    expect(() => shapeOf([[q(1), 0.5 as unknown as Q]])).toThrowError(/A\[0\]\[1\]: 0.5 is not an exact rational/);
  });
  it("checks b's length and squareness", () => {
    expect(() => solve(Q_([[1, 2]]), [q(1), q(2)])).toThrowError(/b: has length 2, expected 1/);
    expect(() => determinant(Q_([[1, 2]]))).toThrowError(/A: is 1×2, expected a square matrix/);
    expect(() => inverse(Q_([[1, 2]]))).toThrowError(MechcheckError);
  });
  it("inverse of a singular matrix throws singular-matrix", () => {
    let err: unknown;
    try {
      inverse(Q_([[1, 2], [2, 4]]));
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(MechcheckError);
    expect((err as MechcheckError).code).toBe("singular");
  });
});

describe("linalg: properties", () => {
  it("never mutates its inputs", () => {
    fc.assert(
      fc.property(square, (A) => {
        const before = snapshot(A);
        rank(A);
        rref(A);
        nullSpace(A);
        determinant(A);
        solve(A, A.map(() => ZERO));
        try {
          inverse(A);
        } catch {
          /* singular */
        }
        return JSON.stringify(snapshot(A)) === JSON.stringify(before);
      }),
      RUNS,
    );
  });

  it("solve: A·x = b exactly when consistent; otherwise y with yᵀA = 0, yᵀb ≠ 0 exists", () => {
    let consistent = 0;
    let inconsistent = 0;
    fc.assert(
      fc.property(
        dims.chain(([m, n]) => fc.tuple(anyMatrix(m, n), vector(m), fc.boolean(), vector(n))),
        ([A, bRandom, fromRange, x0]) => {
          // half the time b is in the range of A, so consistency is certain
          const b = fromRange ? matVec(A, x0) : bRandom;
          const x = solve(A, b);
          if (x !== null) {
            consistent++;
            expect(eqVec(matVec(A, x), b)).toBe(true);
          } else {
            inconsistent++;
            expect(fromRange).toBe(false);
            // the left null space of A: null space of Aᵀ; some basis vector must see b
            const left = nullSpace(transpose(A), A.length);
            const y = left.find((v) => qdot(v, b).n !== 0n);
            expect(y).toBeDefined();
            const yA = transpose(A).map((col) => qdot(y!, col));
            expect(yA.every((v) => v.n === 0n)).toBe(true);
          }
        },
      ),
      RUNS,
    );
    expect(consistent).toBeGreaterThan(0);
    expect(inconsistent).toBeGreaterThan(0);
  });

  it("rank–nullity, A·N = 0, null-space vectors independent", () => {
    fc.assert(
      fc.property(sized, (A) => {
        const n = A[0]!.length;
        const N = nullSpace(A);
        expect(rank(A) + N.length).toBe(n);
        for (const v of N) expect(matVec(A, v).every((x) => x.n === 0n)).toBe(true);
        if (N.length > 0) expect(rank(N)).toBe(N.length);
      }),
      RUNS,
    );
  });

  it("rank(A) = rank(Aᵀ), and rref pivots are 1 with zero columns elsewhere", () => {
    fc.assert(
      fc.property(sized, (A) => {
        expect(rank(transpose(A))).toBe(rank(A));
        const { matrix: R, pivots } = rref(A);
        pivots.forEach((c, i) => R.forEach((row, k) => expect(row[c]!.equals(k === i ? 1 : 0)).toBe(true)));
        for (let i = pivots.length; i < R.length; i++) expect(R[i]!.every((x) => x.n === 0n)).toBe(true);
      }),
      RUNS,
    );
  });

  it("A·inverse(A) = I = inverse(A)·A when det ≠ 0", () => {
    let inverted = 0;
    fc.assert(
      fc.property(square, (A) => {
        const n = A.length;
        if (determinant(A).n === 0n) {
          expect(() => inverse(A)).toThrowError(MechcheckError);
          return;
        }
        inverted++;
        const B = inverse(A);
        expect(eqMat(matMul(A, B), identity(n))).toBe(true);
        expect(eqMat(matMul(B, A), identity(n))).toBe(true);
      }),
      RUNS,
    );
    expect(inverted).toBeGreaterThan(0);
  });

  it("det(AB) = det(A)·det(B)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }).chain((n) => fc.tuple(anyMatrix(n, n), anyMatrix(n, n))),
        ([A, B]) => determinant(matMul(A, B)).equals(determinant(A).mul(determinant(B))),
      ),
      RUNS,
    );
  });

  it("det = 0 ⇔ rank < n", () => {
    let singular = 0;
    fc.assert(
      fc.property(square, (A) => {
        const zero = determinant(A).n === 0n;
        if (zero) singular++;
        return zero === rank(A) < A.length;
      }),
      RUNS,
    );
    expect(singular).toBeGreaterThan(0);
  });

  it("determinant agrees with the Leibniz formula for n ≤ 4", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }).chain((n) => anyMatrix(n, n)),
        (A) => determinant(A).equals(leibniz(A)),
      ),
      RUNS,
    );
  });
});

describe("solveNonsingular", () => {
  it("A·X = B for a nonsingular A, checked by multiplication; a singular A is refused (negative control)", () => {
    const A = [
      [q(2), q(-1), q(0)],
      [q(-1), q(3), q("-1/2")],
      [q(0), q(-1), q(4)],
    ];
    const B = [
      [q(1), q(0)],
      [q("2/3"), q(5)],
      [q(-7), q(1)],
    ];
    const X = solveNonsingular(A, B);
    const AX = matMul(A, X);
    AX.forEach((row, i) => row.forEach((v, j) => expect(v.equals(B[i]![j]!)).toBe(true)));
    const S = [A[0]!, A[0]!.map((x) => x.mul(q(3))), A[2]!];
    expect(() => solveNonsingular(S, B, "S")).toThrow(expect.objectContaining({ code: "singular", path: "S" }));
  });
});
