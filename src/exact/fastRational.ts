/**
 * The hot-loop rational: a normalized bigint pair {n, d} (d > 0, gcd(n, d) = 1) with integer fast
 * paths and cross-cancelling products. It is the arithmetic of the exact LU and the basis
 * certification (src/lp/), where fraction.js objects cost several times more per operation
 * (bench/lu-profile.ts measures both on the same LU through the field interface of
 * src/exact/field.ts). `Q` (src/exact/rational.ts) stays the API type: convert at the boundary with
 * `ratFromQ` / `ratToQ`. Normalized values are unique, so `ratEq` is structural equality.
 */
import Fraction from "fraction.js";
import { MechcheckError } from "../errors.ts";
import type { Q } from "./rational.ts";

/** An exact rational n/d with d > 0 and gcd(n, d) = 1. Treat as immutable. */
export interface Rat {
  readonly n: bigint;
  readonly d: bigint;
}

export const RAT_ZERO: Rat = Object.freeze({ n: 0n, d: 1n });
export const RAT_ONE: Rat = Object.freeze({ n: 1n, d: 1n });

function babs(a: bigint): bigint {
  return a < 0n ? -a : a;
}

/**
 * One round of Lehmer's method on the leading bits ah ≥ bh ≥ 0 (doubles below 2^49) of two big
 * numbers a ≥ b: the cosequence A, B, C, D (written to out) of the Euclidean quotients that the
 * leading bits decide (Collins's condition: a quotient is kept only if it is the same for both
 * ends of the interval the leading bits allow), so that a′ = A·a + B·b and b′ = C·a + D·b are
 * exactly two consecutive remainders of plain Euclid on (a, b). B = 0: no quotient was decided.
 * Shared by `bgcd` and ratRecon.ts's reconstruction.
 */
export function lehmerCosequence(ah: number, bh: number, out: Float64Array): void {
  let A = 1;
  let B = 0;
  let C = 0;
  let D = 1;
  for (;;) {
    if (bh + C === 0 || bh + D === 0) break;
    const q = Math.floor((ah + A) / (bh + C));
    if (q !== Math.floor((ah + B) / (bh + D))) break;
    let t = A - q * C;
    A = C;
    C = t;
    t = B - q * D;
    B = D;
    D = t;
    t = ah - q * bh;
    ah = bh;
    bh = t;
  }
  out[0] = A;
  out[1] = B;
  out[2] = C;
  out[3] = D;
}
const COSEQ = new Float64Array(4);

/** gcd(|a|, |b|) (gcd(0, 0) = 0); doubles when both fit in 2^53, Lehmer's algorithm above 2^64. */
export function bgcd(a: bigint, b: bigint): bigint {
  a = babs(a);
  b = babs(b);
  if (a < b) [a, b] = [b, a];
  // Lehmer: while b is large, run Euclid on the leading ~48 bits of a and b in doubles and apply the
  // collected cofactors to the full numbers in one step (a few bigint operations replace ~20
  // bigint divisions); a step that cannot be decided from the leading bits is one plain division.
  let bl = b > 0xffffffffffffffffn ? bitLength(a) : 0; // a < 2^bl; a only decreases below
  while (b > 0xffffffffffffffffn) {
    bl = bitLengthBelow(a, bl);
    const shift = bl - 48;
    const sh = BigInt(shift);
    // cosequence: a' = A·a + B·b, b' = C·a + D·b; every quantity stays below 2^49 in magnitude
    lehmerCosequence(Number(a >> sh), Number(b >> sh), COSEQ);
    const A = COSEQ[0]!;
    const B = COSEQ[1]!;
    const C = COSEQ[2]!;
    const D = COSEQ[3]!;
    if (B === 0) {
      const t = a % b;
      a = b;
      b = t;
    } else {
      const na = BigInt(A) * a + BigInt(B) * b;
      const nb = BigInt(C) * a + BigInt(D) * b;
      a = na;
      b = nb;
    }
  }
  while (b > 9007199254740991n) {
    const t = a % b;
    a = b;
    b = t;
  }
  if (b === 0n) return a;
  // b < 2^53: one bigint division brings a below 2^53 too
  let x = Number(b);
  let y = a <= 9007199254740991n ? Number(a) % x : Number(a % b);
  while (y !== 0) {
    const t = x % y;
    x = y;
    y = t;
  }
  return BigInt(x);
}

/** The number of bits of a > 0. */
export function bitLength(a: bigint): number {
  const s = a.toString(16);
  return (s.length - 1) * 4 + (32 - Math.clz32(parseInt(s[0]!, 16)));
}

/** The number of bits of a > 0, given a < 2^ub: from the top 53 bits below ub (no string conversion). */
export function bitLengthBelow(a: bigint, ub: number): number {
  for (;;) {
    const s = ub > 53 ? ub - 53 : 0;
    const t = Number(a >> BigInt(s)); // below 2^53, exact
    if (t !== 0 || s === 0) return s + (t >= 4294967296 ? 64 - Math.clz32(Math.floor(t / 4294967296)) : 32 - Math.clz32(t));
    ub = s;
  }
}

/** n/d normalized (d ≠ 0). */
export function rat(n: bigint, d: bigint = 1n): Rat {
  if (d === 0n) throw new MechcheckError("division-by-zero", "rational with denominator zero");
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  if (n === 0n) return RAT_ZERO;
  if (d === 1n) return { n, d };
  const g = bgcd(n, d);
  return g === 1n ? { n, d } : { n: n / g, d: d / g };
}

export function ratFromQ(x: Q): Rat {
  const n = x.s < 0n ? -x.n : x.n;
  return n === 0n ? RAT_ZERO : { n, d: x.d };
}

/**
 * The fraction.js value of x, built the way fraction.js builds its own results (sign s = ±1,
 * n ≥ 0, d > 0, gcd 1) without a second gcd: a Rat is already normalized.
 */
export function ratToQ(x: Rat): Q {
  const f = Object.create(Fraction.prototype) as { s: bigint; n: bigint; d: bigint };
  f.s = x.n < 0n ? -1n : 1n;
  f.n = x.n < 0n ? -x.n : x.n;
  f.d = x.d;
  return f as unknown as Q;
}

export function ratIsZero(a: Rat): boolean {
  return a.n === 0n;
}

export function ratSign(a: Rat): -1 | 0 | 1 {
  return a.n === 0n ? 0 : a.n < 0n ? -1 : 1;
}

export function ratNeg(a: Rat): Rat {
  return a.n === 0n ? a : { n: -a.n, d: a.d };
}

export function ratAdd(a: Rat, b: Rat): Rat {
  if (a.n === 0n) return b;
  if (b.n === 0n) return a;
  if (a.d === 1n && b.d === 1n) {
    const n = a.n + b.n;
    return n === 0n ? RAT_ZERO : { n, d: 1n };
  }
  if (a.d === b.d) return rat(a.n + b.n, a.d);
  return rat(a.n * b.d + b.n * a.d, a.d * b.d);
}

export function ratSub(a: Rat, b: Rat): Rat {
  if (b.n === 0n) return a;
  return ratAdd(a, { n: -b.n, d: b.d });
}

export function ratMul(a: Rat, b: Rat): Rat {
  if (a.n === 0n || b.n === 0n) return RAT_ZERO;
  if (a.d === 1n && b.d === 1n) return { n: a.n * b.n, d: 1n };
  // cross-cancel keeps the result normalized without a gcd of the full products
  const g1 = b.d === 1n ? 1n : bgcd(a.n, b.d);
  const g2 = a.d === 1n ? 1n : bgcd(b.n, a.d);
  return { n: (a.n / g1) * (b.n / g2), d: (a.d / g2) * (b.d / g1) };
}

/** 1/a (a ≠ 0). */
export function ratInv(a: Rat): Rat {
  if (a.n === 0n) throw new MechcheckError("division-by-zero", "division by an exact zero");
  return a.n < 0n ? { n: -a.d, d: -a.n } : { n: a.d, d: a.n };
}

export function ratDiv(a: Rat, b: Rat): Rat {
  return ratMul(a, ratInv(b));
}

/** a − l·b */
export function ratSubMul(a: Rat, l: Rat, b: Rat): Rat {
  return ratSub(a, ratMul(l, b));
}

export function ratCmp(a: Rat, b: Rat): -1 | 0 | 1 {
  if (a.d === b.d) return a.n < b.n ? -1 : a.n > b.n ? 1 : 0;
  const l = a.n * b.d;
  const r = b.n * a.d;
  return l < r ? -1 : l > r ? 1 : 0;
}

export function ratEq(a: Rat, b: Rat): boolean {
  return a.n === b.n && a.d === b.d;
}

/** The lcm of the denominators of v (1 for an empty or integer vector). */
export function ratLcmDenominator(v: Iterable<Rat>): bigint {
  let l = 1n;
  for (const x of v) if (x.d !== 1n && l % x.d !== 0n) l = (l / bgcd(l, x.d)) * x.d;
  return l;
}

/** The primes below 1024, for splitting a common denominator into its small-prime part and the rest. */
const SMALL_PRIMES: readonly number[] = (() => {
  const out: number[] = [];
  for (let q = 2; q < 1024; q++) if (out.every((p) => q % p !== 0)) out.push(q);
  return out;
})();
/** SMALL_PRIMES in runs whose product stays below 2^53: one bigint remainder tests a whole run. */
const PRIME_RUNS: readonly { readonly primes: readonly number[]; readonly product: bigint }[] = (() => {
  const runs: { primes: number[]; product: bigint }[] = [];
  let cur: number[] = [];
  let prod = 1;
  for (const q of SMALL_PRIMES) {
    if (prod * q > 2 ** 53) {
      runs.push({ primes: cur, product: BigInt(prod) });
      cur = [];
      prod = 1;
    }
    cur.push(q);
    prod *= q;
  }
  runs.push({ primes: cur, product: BigInt(prod) });
  return runs;
})();

/**
 * The normalized num_i/den (den > 0) for a whole vector over one common denominator: the same Rats
 * as `num.map((v) => rat(v, den))`, with one gcd for the vector instead of one per entry when the
 * entries' reductions come from small primes (an LP basis solution: 144 entries over a 207-bit
 * denominator on T-independent-6-3, reduced by cofactors 1, 3, 5, 11, 15, 33, 55, 79, 869).
 * den = Q·L with Q = Π q^e over the primes q < 1024 dividing den and L free of them. Entry i is
 * divided by s_i = Π q^min(e, v_q(num_i)), which leaves num_i/s_i and den/s_i without a common
 * small prime; one gcd(Π |num_i/s_i| mod L, L) = 1 then proves every entry reduced. If that gcd is
 * not 1, the entries are split in halves and each half checked the same way, down to the single
 * entries that take their own gcd.
 */
export function ratVectorOver(num: readonly bigint[], den: bigint): Rat[] {
  if (den <= 0n) throw new MechcheckError("division-by-zero", `common denominator ${den} is not positive`);
  const m = num.length;
  const out: Rat[] = new Array(m);
  if (den === 1n) {
    for (let i = 0; i < m; i++) out[i] = num[i] === 0n ? RAT_ZERO : { n: num[i]!, d: 1n };
    return out;
  }
  if (den <= 0xffffffffffffffffn) {
    // a small denominator: each gcd is one bigint remainder and a few double steps already
    for (let i = 0; i < m; i++) out[i] = rat(num[i]!, den);
    return out;
  }
  // den = Q·L: the small primes of den with their exponents
  const qs: bigint[] = [];
  const es: number[] = [];
  const qn: number[] = [];
  let L = den;
  let Q = 1;
  for (const run of PRIME_RUNS) {
    const r = Number(L % run.product); // L mod q for every q of the run, from one bigint remainder
    for (const q of run.primes) {
      if (r % q !== 0) continue;
      const qb = BigInt(q);
      let e = 0;
      while (L % qb === 0n) {
        L /= qb;
        e++;
      }
      qs.push(qb);
      qn.push(q);
      es.push(e);
      Q *= q;
    }
  }
  // the divisibility of an entry by each q, from one remainder mod the product of the q's (if it
  // is below 2^53; else the bigint tests)
  const Qb = Q <= 2 ** 53 ? BigInt(Q) : 0n;
  const todo: number[] = [];
  for (let i = 0; i < m; i++) {
    let v = num[i]!;
    if (v === 0n) {
      out[i] = RAT_ZERO;
      continue;
    }
    let d = den;
    const r = Qb === 0n ? -1 : Number((v < 0n ? -v : v) % Qb);
    for (let t = 0; t < qs.length; t++) {
      if (r >= 0 && r % qn[t]! !== 0) continue;
      const q = qs[t]!;
      for (let e = es[t]!; e > 0 && v % q === 0n; e--) {
        v /= q;
        d /= q;
      }
    }
    out[i] = { n: v, d };
    if (L !== 1n) todo.push(i);
  }
  const check = (list: readonly number[]): void => {
    if (list.length === 0) return;
    let P = 1n;
    for (const i of list) {
      const a = out[i]!.n;
      P = (P * (a < 0n ? -a : a)) % L;
    }
    if (bgcd(P, L) === 1n) return;
    if (list.length === 1) {
      out[list[0]!] = rat(num[list[0]!]!, den);
      return;
    }
    const h = list.length >> 1;
    check(list.slice(0, h));
    check(list.slice(h));
  };
  check(todo);
  return out;
}
