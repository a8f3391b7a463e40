/**
 * Rational reconstruction: recover n/d from its residue modulo M (Wang's algorithm: the extended
 * Euclidean algorithm stopped at the first remainder ≤ N), for one value and for a vector with one
 * shared denominator. Used by the p-adic lifting of src/exact/padicLift.ts; a reconstructed value is
 * only a candidate until the caller checks it exactly.
 */
import { bitLength, bitLengthBelow, lehmerCosequence } from "./fastRational.ts";

const COSEQ = new Float64Array(4);

/**
 * n/d with |n| ≤ N, 0 < d ≤ Nd (default N) and n ≡ d·u (mod M), or null (u in [0, M)). Unique
 * when 2·N·Nd < M.
 *
 * While the remainder r1 is above N and above 2^64, the Euclidean steps are taken by
 * Lehmer's method, as in fastRational's `bgcd`: the quotients are computed on the leading 48 bits
 * of (r0, r1) in doubles, kept only while the leading bits decide them (Collins's condition, so
 * they are exactly the quotients plain Euclid takes), and applied to (r0, r1) and (t0, t1) in one
 * step. A round whose last remainder would reach N is not applied; plain steps then find the first
 * remainder ≤ N, so the result is exactly that of the plain algorithm.
 */
export function ratRecon(u: bigint, M: bigint, N: bigint, Nd: bigint = N): { n: bigint; d: bigint } | null {
  let r0 = M;
  let r1 = u;
  let t0 = 0n;
  let t1 = 1n;
  const lehmerAbove = N >= 1n << 64n ? N + 1n : 1n << 64n; // r1 ≥ this: r1 > N and r0 > r1 ≥ 2^64
  if (r1 >= lehmerAbove && r0 > r1) {
    let bl = bitLength(r0); // r0 < 2^bl; r0 only decreases below
    while (r1 >= lehmerAbove) {
      bl = bitLengthBelow(r0, bl);
      const sh = BigInt(bl - 48);
      // cosequence: r0′ = A·r0 + B·r1, r1′ = C·r0 + D·r1
      lehmerCosequence(Number(r0 >> sh), Number(r1 >> sh), COSEQ);
      const A = COSEQ[0]!;
      const B = COSEQ[1]!;
      const C = COSEQ[2]!;
      const D = COSEQ[3]!;
      if (B === 0) {
        // the leading bits decide no quotient: one plain step (r1 > N, so it is taken anyway)
        const q = r0 / r1;
        const r = r0 - q * r1;
        r0 = r1;
        r1 = r;
        const t = t0 - q * t1;
        t0 = t1;
        t1 = t;
        continue;
      }
      const bA = BigInt(A);
      const bB = BigInt(B);
      const bC = BigInt(C);
      const bD = BigInt(D);
      const n1 = bC * r0 + bD * r1;
      if (n1 <= N) break; // the stopping remainder lies inside this round: plain steps find it
      r0 = bA * r0 + bB * r1;
      r1 = n1;
      const s1 = bC * t0 + bD * t1;
      t0 = bA * t0 + bB * t1;
      t1 = s1;
    }
  }
  while (r1 > N) {
    const q = r0 / r1;
    const r = r0 - q * r1;
    r0 = r1;
    r1 = r;
    const t = t0 - q * t1;
    t0 = t1;
    t1 = t;
  }
  if (t1 === 0n) return null;
  let n = r1;
  let d = t1;
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  if (d > Nd) return null;
  return { n, d };
}

/**
 * Componentwise rational reconstruction of X (mod M) with a shared denominator: num/den with
 * |num_i| ≤ N, 0 < den ≤ N, N = ⌊√(M/2)⌋, and num_i ≡ den·X_i (mod M); or null. With `scale`,
 * the vector reconstructed is (scale_i·X_i mod M), each product formed only when entry i is reached
 * (a failing try usually stops at its first entries).
 */
export function reconstructVector(X: readonly bigint[], M: bigint, scale?: readonly bigint[]): { num: bigint[]; den: bigint } | null {
  const N = bsqrt(M / 2n);
  const m = X.length;
  const num: bigint[] = new Array(m);
  let D = 1n;
  for (let i = 0; i < m; i++) {
    const u = X[i]!;
    if (u === 0n) {
      num[i] = 0n;
      continue;
    }
    // value ≡ u (·scale_i); with the denominator D found so far, D·u (mod M) is often already small
    const si = scale === undefined ? 1n : scale[i]!;
    let v = (u * (si === 1n ? D : si * D)) % M;
    if (v > M / 2n) v -= M;
    const av = v < 0n ? -v : v;
    if (av <= N) {
      num[i] = v;
      continue;
    }
    const rr = ratRecon(v < 0n ? v + M : v, M, N);
    if (rr === null) return null;
    // u·D ≡ n/d  ⇒  u ≡ n/(d·D): rescale the numerators found so far
    if (rr.d !== 1n) for (let t = 0; t < i; t++) num[t] = num[t]! * rr.d;
    num[i] = rr.n;
    D *= rr.d;
    if (D > N) return null;
  }
  return { num, den: D };
}

/** ⌊√a⌋ for a ≥ 0. */
export function bsqrt(a: bigint): bigint {
  if (a < 2n) return a;
  // Newton from above: start at 2^ceil(bits/2) ≥ √a; the iterates decrease to ⌊√a⌋
  let x = 1n << BigInt((a.toString(2).length + 1) >> 1);
  for (;;) {
    const y = (x + a / x) >> 1n;
    if (y >= x) return x;
    x = y;
  }
}
