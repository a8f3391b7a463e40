/**
 * The field interface the exact sparse LU (src/lp/sparseLu.ts) is written over, and its instances
 * for rationals: `RAT_FIELD` on the hot-loop rational (src/exact/fastRational.ts) and `Q_FIELD` on
 * fraction.js (the API type; kept so the two representations can be compared on the same LU). The
 * prime fields are in src/exact/modular.ts. Values are immutable; every operation returns the
 * canonical representative, so `isZero` is an exact test.
 */
import Fraction from "fraction.js";
import { MechcheckError } from "../errors.ts";
import { RAT_ONE, RAT_ZERO, type Rat, ratAdd, ratInv, ratMul, ratNeg, ratSubMul } from "./fastRational.ts";
import type { Q } from "./rational.ts";

export interface Field<T> {
  readonly zero: T;
  readonly one: T;
  isZero(a: T): boolean;
  add(a: T, b: T): T;
  mul(a: T, b: T): T;
  neg(a: T): T;
  /** 1/a; a ≠ 0 (callers test `isZero` first). */
  inv(a: T): T;
  /** a − l·b, the update of every elimination step */
  subMul(a: T, l: T, b: T): T;
}

export const RAT_FIELD: Field<Rat> = {
  zero: RAT_ZERO,
  one: RAT_ONE,
  isZero: (a) => a.n === 0n,
  add: ratAdd,
  mul: ratMul,
  neg: ratNeg,
  inv: ratInv,
  subMul: ratSubMul,
};

const Q_ZERO = new Fraction(0);

export const Q_FIELD: Field<Q> = {
  zero: Q_ZERO,
  one: new Fraction(1),
  isZero: (a) => a.n === 0n,
  add: (a, b) => a.add(b),
  mul: (a, b) => a.mul(b),
  neg: (a) => a.neg(),
  inv: (a) => {
    if (a.n === 0n) throw new MechcheckError("division-by-zero", "division by an exact zero");
    return a.inverse();
  },
  subMul: (a, l, b) => a.sub(l.mul(b)),
};
