/**
 * Rational reconstruction: recover n/d from its residue modulo M (Wang's algorithm: the extended
 * Euclidean algorithm stopped at the first remainder ≤ N), for one value and for a vector with one
 * shared denominator. Used by the p-adic lifting of src/exact/padicLift.ts; a reconstructed value is
 * only a candidate until the caller checks it exactly.
 */

/**
 * n/d with |n| ≤ N, 0 < d ≤ N and n ≡ d·u (mod M), or null (u in [0, M)). Unique when 2N² < M.
 */
export function ratRecon(u: bigint, M: bigint, N: bigint): { n: bigint; d: bigint } | null {
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
  let n = r1;
  let d = t1;
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  if (d > N) return null;
  return { n, d };
}

/**
 * Componentwise rational reconstruction of X (mod M) with a shared denominator: num/den with
 * |num_i| ≤ N, 0 < den ≤ N, N = ⌊√(M/2)⌋, and num_i ≡ den·X_i (mod M); or null.
 */
export function reconstructVector(X: readonly bigint[], M: bigint): { num: bigint[]; den: bigint } | null {
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
    // value ≡ u; with the denominator D found so far, D·u (mod M) is often already small
    let v = (u * D) % M;
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
