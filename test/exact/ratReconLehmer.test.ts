// Rational reconstruction with Lehmer steps (src/exact/ratRecon.ts ratRecon): the result must be
// exactly that of Wang's algorithm by plain Euclid, which is written out here as the reference.
// The inputs are large enough (M up to 2600 bits, r1 ≥ N·2^64) for the Lehmer rounds to run, and
// N is also set to remainders of the plain sequence itself (and one off them), so the stopping
// point falls inside, at the start and at the end of a Lehmer round. Negative controls: a residue
// one off a planted fraction does not give that fraction back, and a bound one below a planted
// denominator refuses it.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { bsqrt, ratRecon, reconstructVector } from "../../src/exact/ratRecon.ts";

const RUNS = Number(process.env.MECHCHECK_RUNS ?? 100);

/** Wang's algorithm with plain Euclidean steps (the reference); denominators up to Nd. */
function plainRecon(u: bigint, M: bigint, N: bigint, Nd: bigint = N): { n: bigint; d: bigint } | null {
  let r0 = M;
  let r1 = u;
  let t0 = 0n;
  let t1 = 1n;
  while (r1 > N) {
    const q = r0 / r1;
    [r0, r1] = [r1, r0 - q * r1];
    [t0, t1] = [t1, t0 - q * t1];
  }
  if (t1 === 0n) return null;
  const s = t1 < 0n ? -1n : 1n;
  return s * t1 > Nd ? null : { n: s * r1, d: s * t1 };
}

/** The remainders of the plain Euclidean sequence of (M, u). */
function remainders(M: bigint, u: bigint): bigint[] {
  const out: bigint[] = [];
  let [r0, r1] = [M, u];
  while (r1 > 0n) {
    out.push(r1);
    [r0, r1] = [r1, r0 % r1];
  }
  return out;
}

const modInv = (a: bigint, M: bigint): bigint | null => {
  let [r0, r1, t0, t1] = [M, ((a % M) + M) % M, 0n, 1n];
  while (r1 !== 0n) {
    const q = r0 / r1;
    [r0, r1] = [r1, r0 - q * r1];
    [t0, t1] = [t1, t0 - q * t1];
  }
  return r0 === 1n ? ((t0 % M) + M) % M : null;
};

describe("ratRecon with Lehmer steps", () => {
  it("equals plain Euclid for random residues, with N balanced, small, large and at the remainders of the sequence", () => {
    fc.assert(
      fc.property(fc.integer({ min: 130, max: 2600 }), fc.bigInt({ min: 0n, max: 1n << 2600n }), fc.bigInt({ min: 0n, max: 1n << 2600n }), fc.nat(1000), (bits, mr, ur, pick) => {
        const M = (mr % (1n << BigInt(bits))) | (1n << BigInt(bits - 1)) | 1n;
        const u = ur % M;
        const rem = remainders(M, u);
        const at = rem.length === 0 ? 0n : rem[pick % rem.length]!;
        for (const N of [bsqrt(M / 2n), 1n, 0n, M >> 70n, at, at - 1n, at + 1n].filter((v) => v >= 0n)) {
          expect(ratRecon(u, M, N)).toEqual(plainRecon(u, M, N));
        }
      }),
      { seed: 16, numRuns: RUNS },
    );
  });
  it("recovers planted fractions n/d (|n|, d ≤ N = ⌊√(M/2)⌋) modulo powers of a word prime; a residue one off does not give n/d back", () => {
    const p = 67108859n;
    fc.assert(
      fc.property(fc.integer({ min: 6, max: 60 }), fc.bigInt({ min: 1n, max: 1n << 700n }), fc.bigInt({ min: -(1n << 700n), max: 1n << 700n }), (k, dr, nr) => {
        const M = p ** BigInt(k);
        const N = bsqrt(M / 2n);
        const d = (dr % N) + 1n;
        const n = nr % (N + 1n);
        const inv = modInv(d, M);
        fc.pre(inv !== null);
        const g = ((a: bigint, b: bigint): bigint => { a = a < 0n ? -a : a; while (b) [a, b] = [b, a % b]; return a; })(n, d);
        const [nn, dd] = n === 0n ? [0n, 1n] : [n / g, d / g];
        const u = (((nn * inv! * g) % M) + M) % M; // n/d ≡ nn·dd⁻¹ ≡ n·d⁻¹
        expect(ratRecon(u, M, N)).toEqual({ n: nn, d: dd });
        expect(ratRecon(u, M, N)).toEqual(plainRecon(u, M, N));
        // negative controls: u + 1 is not n/d; a bound below d refuses it
        const off = ratRecon((u + 1n) % M, M, N);
        expect(off === null || off.n !== nn || off.d !== dd).toBe(true);
        if (dd > 1n) expect(ratRecon(u, M, dd - 1n)).not.toEqual({ n: nn, d: dd });
      }),
      { seed: 17, numRuns: RUNS },
    );
  });
  it("skewed bounds (|n| ≤ N·2^e, d ≤ N/2^e, the probe's): equal to plain Euclid; a planted n/d with n large and d small is found only with the skew", () => {
    fc.assert(
      fc.property(fc.integer({ min: 130, max: 1500 }), fc.bigInt({ min: 0n, max: 1n << 1500n }), fc.bigInt({ min: 0n, max: 1n << 1500n }), fc.integer({ min: 0, max: 20 }), (bits, mr, ur, e) => {
        const M = (mr % (1n << BigInt(bits))) | (1n << BigInt(bits - 1)) | 1n;
        const u = ur % M;
        const N = bsqrt(M / 8n);
        const E = 1n << BigInt(e);
        expect(ratRecon(u, M, N * E, N / E)).toEqual(plainRecon(u, M, N * E, N / E));
      }),
      { seed: 20, numRuns: RUNS },
    );
    const p = 67108859n;
    const M = p ** 20n; // ≈ 2^520
    const N = bsqrt(M / 8n); // ≈ 2^258
    const n = N * 1000n + 1n; // above N: the balanced bound cannot return it
    const d = 1234567n;
    const u = (((n * modInv(d, M)!) % M) + M) % M;
    expect(ratRecon(u, M, N * 1024n, N / 1024n)).toEqual({ n, d });
    expect(ratRecon(u, M, N)).not.toEqual({ n, d }); // negative control
  });
  it("reconstructVector with a scale equals reconstructVector of the scaled residues; scales 1 change nothing", () => {
    const p = 67108859n;
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 30 }), fc.array(fc.bigInt({ min: -(1n << 80n), max: 1n << 80n }), { minLength: 1, maxLength: 8 }), fc.array(fc.bigInt({ min: 1n, max: 1n << 40n }), { minLength: 8, maxLength: 8 }), fc.bigInt({ min: 1n, max: 1n << 60n }), (k, nums, sc, den) => {
        const M = p ** BigInt(k);
        const inv = modInv(den, M);
        fc.pre(inv !== null);
        const X = nums.map((v) => (((v * inv!) % M) + M) % M);
        const s = sc.slice(0, X.length);
        const want = reconstructVector(X.map((x, i) => (x * s[i]!) % M), M);
        expect(reconstructVector(X, M, s)).toEqual(want);
        // all scales 1: the result of X itself
        expect(reconstructVector(X, M, s.map(() => 1n))).toEqual(reconstructVector(X, M));
      }),
      { seed: 19, numRuns: RUNS },
    );
  });
  it("reconstructVector recovers a planted vector with one shared 600-bit denominator, and refuses it one step too early", () => {
    const p = 67108859n;
    const D = (1n << 599n) + 12345n;
    const num = [0n, 1n, -(1n << 598n) + 7n, (1n << 597n) + 3n, 5n];
    const k = 47; // p^47 ≈ 2^1222 > 2·(2^600)²
    const M = p ** BigInt(k);
    const inv = modInv(D, M)!;
    const X = num.map((v) => (((v * inv) % M) + M) % M);
    const got = reconstructVector(X, M)!;
    // the shared denominator may come out as a multiple-free form: compare values n_i/den = num_i/D
    expect(got).not.toBeNull();
    for (let i = 0; i < num.length; i++) expect(got.num[i]! * D).toBe(num[i]! * got.den);
    // negative control: 20 steps fewer, N < D, so the planted vector cannot be the answer
    const M2 = p ** BigInt(k - 20);
    const early = reconstructVector(X.map((x) => x % M2), M2);
    if (early !== null) for (let i = 0; i < num.length; i++) expect(early.num[i]! * D === num[i]! * early.den && early.den === D).toBe(false);
  });
});
