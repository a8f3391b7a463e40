/**
 * Arithmetic modulo a word-size prime p < 2^26: residues are JS numbers in [0, p), and a product
 * of two residues is below 2^52, so `(a * b) % p` is exact in doubles. `primeField(p)` is the
 * field interface (src/exact/field.ts) the sparse LU uses for the modular path of the basis solves.
 */
import { MechcheckError } from "../errors.ts";
import type { Field } from "./field.ts";

/** a mod p in [0, p) for any bigint a (pb = BigInt(p)). */
export function modOf(a: bigint, p: number, pb: bigint): number {
  if (a >= -9007199254740991n && a <= 9007199254740991n) {
    const r = Number(a) % p;
    return r < 0 ? r + p : r;
  }
  const r = Number(a % pb);
  return r < 0 ? r + p : r;
}

/**
 * a·b mod p in [0, p) for integers with |a·b| < 2^52 and p < 2^26, without the double `%` (a
 * runtime call in V8): q = ⌊a·b·pinv⌋ (pinv = 1/p) is off by at most one, and a·b − q·p is exact,
 * so one correction by ±p lands in [0, p).
 */
export function mulMod(a: number, b: number, p: number, pinv: number): number {
  const x = a * b;
  const r = x - Math.floor(x * pinv) * p;
  return r < 0 ? r + p : r >= p ? r - p : r;
}

/** a⁻¹ mod p (a ≢ 0, p prime), by the extended Euclidean algorithm. */
export function invMod(a: number, p: number): number {
  let t = 0;
  let nt = 1;
  let r = p;
  let nr = a;
  while (nr !== 0) {
    const q = Math.floor(r / nr);
    const t2 = t - q * nt;
    t = nt;
    nt = t2;
    const r2 = r - q * nr;
    r = nr;
    nr = r2;
  }
  return t < 0 ? t + p : t;
}

/** The largest modulus for which products of residues stay exact in doubles. */
export const MAX_WORD_PRIME = 2 ** 26;

class PrimeField implements Field<number> {
  readonly zero = 0;
  readonly one = 1;
  constructor(readonly p: number) {}
  isZero(a: number): boolean {
    return a === 0;
  }
  add(a: number, b: number): number {
    const s = a + b;
    return s >= this.p ? s - this.p : s;
  }
  mul(a: number, b: number): number {
    return (a * b) % this.p;
  }
  neg(a: number): number {
    return a === 0 ? 0 : this.p - a;
  }
  inv(a: number): number {
    return invMod(a, this.p);
  }
  subMul(a: number, l: number, b: number): number {
    const v = a - ((l * b) % this.p);
    return v < 0 ? v + this.p : v;
  }
}

/** The field Z/pZ (p a prime below 2^26; primality is the caller's promise). */
export function primeField(p: number): Field<number> & { readonly p: number } {
  if (!Number.isInteger(p) || p < 2 || p >= MAX_WORD_PRIME) {
    throw new MechcheckError("bad-argument", `modulus ${p} is not an integer in [2, 2^26)`, { value: p, limit: MAX_WORD_PRIME });
  }
  return new PrimeField(p);
}
