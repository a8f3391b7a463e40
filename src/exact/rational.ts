/**
 * Exact rationals: the one module that owns numbers whose value decides a verdict.
 * A thin layer on fraction.js (arbitrary precision, BigInt-backed).
 *
 * Floats stop here: a JS number is accepted only when it is an integer (`q(3)`), or through an
 * explicitly named conversion (`fromFloatExact`, the exact binary value of a double;
 * `fromFloatApprox`, the simplest fraction within a tolerance).
 */
import Fraction from "fraction.js";
import { MechcheckError } from "../errors.ts";

/** An exact rational number (fraction.js, BigInt-backed): the type of every number a verdict depends on. */
export type Q = Fraction;
/** What `q` accepts: a rational, a string such as "3/7" or "0.25", a bigint, or an integer number. */
export type QInput = Q | string | bigint | number;

/** The rational 0. */
export const ZERO: Q = new Fraction(0);
/** The rational 1. */
export const ONE: Q = new Fraction(1);

const DECIMAL_OR_FRACTION = /^\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?(\s*\/\s*[+-]?\d+)?\s*$/;

/**
 * Parse an exact rational. Accepts a Fraction, a bigint, an integer number, or a string such as
 * `"3/7"`, `"-2"`, `"0.25"`, `"1e-3"`. Non-integer numbers are refused (use `fromFloatExact` or
 * `fromFloatApprox`). `where` names the field in the error message.
 */
export function q(x: QInput, where = "value"): Q {
  if (x instanceof Fraction) return x;
  if (typeof x === "bigint") return new Fraction(x);
  if (typeof x === "number") {
    if (!Number.isFinite(x)) throw new MechcheckError("not-a-number", `${where}: ${x} is not a finite number`, { path: where, value: x });
    if (!Number.isInteger(x)) {
      throw new MechcheckError(
        "float-not-exact",
        `${where}: ${x} is a non-integer float; write it as an exact string such as "${approxHint(x)}"`,
        { path: where, value: x },
      );
    }
    if (!Number.isSafeInteger(x)) {
      throw new MechcheckError("float-not-exact", `${where}: ${x} is beyond 2^53; write it as a string`, { path: where, value: x });
    }
    return new Fraction(x);
  }
  if (typeof x === "string") {
    if (!DECIMAL_OR_FRACTION.test(x)) {
      throw new MechcheckError("not-a-rational", `${where}: ${JSON.stringify(x)} is not a rational number (expected e.g. "3/7", "-2", "0.25")`, { path: where, value: x });
    }
    const s = x.replace(/\s+/g, "");
    const slash = s.indexOf("/");
    if (slash >= 0) {
      const den = s.slice(slash + 1);
      if (/^[+-]?0+$/.test(den)) {
        throw new MechcheckError("division-by-zero", `${where}: ${JSON.stringify(x)} has denominator zero`, { path: where, value: x });
      }
      const num = parseDecimal(s.slice(0, slash), where);
      return num.div(new Fraction(BigInt(den)));
    }
    return parseDecimal(s, where);
  }
  throw new MechcheckError("not-a-rational", `${where}: ${describe(x)} is not a rational number`, { path: where, value: x });
}

/** Parse a decimal literal exactly (fraction.js would treat repeating decimals specially). */
function parseDecimal(s: string, where: string): Q {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(s);
  if (!m) throw new MechcheckError("not-a-rational", `${where}: ${JSON.stringify(s)} is not a decimal number`, { path: where, value: s });
  const sign = m[1] === "-" ? -1n : 1n;
  const intPart = m[2] ?? "";
  const frac = m[3] ?? "";
  const exp = m[4] ? Number(m[4]) : 0;
  if (!(Math.abs(exp) <= 10_000)) throw new MechcheckError("not-a-rational", `${where}: ${JSON.stringify(s)} has an exponent beyond ±10000`, { path: where, value: s });
  const digits = BigInt((intPart + frac) || "0");
  const shift = exp - frac.length;
  const num = sign * digits * (shift > 0 ? 10n ** BigInt(shift) : 1n);
  const den = shift < 0 ? 10n ** BigInt(-shift) : 1n;
  return new Fraction(num, den);
}

function describe(x: unknown): string {
  try {
    return JSON.stringify(x) ?? String(x);
  } catch {
    return String(x);
  }
}

function approxHint(x: number): string {
  try {
    return new Fraction(x).simplify(1e-9).toFraction();
  } catch {
    return String(x);
  }
}

/** The exact value of a double, by decomposing its bits (0.1 → 3602879701896397/36028797018963968). */
export function fromFloatExact(x: number): Q {
  if (!Number.isFinite(x)) throw new MechcheckError("not-a-number", `${x} is not a finite number`, { value: x });
  if (x === 0) return ZERO;
  const buf = new DataView(new ArrayBuffer(8));
  buf.setFloat64(0, x);
  const hi = buf.getUint32(0);
  const lo = buf.getUint32(4);
  const sign = hi >>> 31 ? -1n : 1n;
  const expBits = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let exp: number;
  if (expBits === 0) {
    exp = -1074; // subnormal
  } else {
    mant |= 1n << 52n;
    exp = expBits - 1075;
  }
  return exp >= 0 ? new Fraction(sign * (mant << BigInt(exp))) : new Fraction(sign * mant, 1n << BigInt(-exp));
}

/**
 * The simplest rational within `tolerance` of a float (a named, approximate conversion: use it to
 * propose, never to decide). With the default tolerance 0.1 → 1/10.
 */
export function fromFloatApprox(x: number, tolerance = 1e-9): Q {
  if (!Number.isFinite(x)) throw new MechcheckError("not-a-number", `${x} is not a finite number`, { value: x });
  if (!(tolerance > 0 && Number.isFinite(tolerance))) throw new MechcheckError("bad-tolerance", `tolerance: ${tolerance} is not a positive finite number`, { path: "tolerance", value: tolerance });
  // Start from the exact binary value: new Fraction(float) is itself lossy (123456.789 → 10000000/81).
  return fromFloatExact(x).simplify(tolerance);
}

/**
 * A float for display or for a float engine's input; never for a verdict. Correctly rounded (to
 * nearest, ties to even), also for huge numerators/denominators and subnormal results
 * (fraction.js's valueOf divides two rounded doubles, which underflows to 0 below ~2^-1023).
 */
export function toFloat(x: Q): number {
  const n = x.n;
  const d = x.d;
  if (n === 0n) return 0;
  const neg = x.s < 0n;
  // E = floor(log2(n/d))
  let e = bitLength(n) - bitLength(d);
  if (e >= 0 ? n < d << BigInt(e) : n << BigInt(-e) < d) e -= 1;
  if (e > 1023) return neg ? -Infinity : Infinity;
  // ulp of the result: 2^u; m = round_half_even(n / (d·2^u)), at most 2^53
  const u = Math.max(e - 52, -1074);
  const num = u >= 0 ? n : n << BigInt(-u);
  const den = u >= 0 ? d << BigInt(u) : d;
  let m = num / den;
  const twiceRem = (num % den) * 2n;
  if (twiceRem > den || (twiceRem === den && (m & 1n) === 1n)) m += 1n;
  // Number(m) is exact (m ≤ 2^53); the product is exact unless it overflows to ±Infinity
  const v = Number(m) * 2 ** u;
  return neg ? -v : v;
}

function bitLength(v: bigint): number {
  return v.toString(2).length;
}

/** Canonical text: "p/q" or "p" (integers without denominator). */
export function qstr(x: Q): string {
  return x.toFraction();
}

/** Whether a rational is exactly 0. */
export function isZero(x: Q): boolean {
  return x.n === 0n;
}
/** The sign of a rational: −1, 0 or 1. */
export function sign(x: Q): -1 | 0 | 1 {
  return x.n === 0n ? 0 : x.s < 0n ? -1 : 1;
}
/** Whether a rational is an integer (denominator 1). */
export function isInteger(x: Q): boolean {
  return x.d === 1n;
}
/** The exact sum of rationals (0 for none). */
export function qsum(xs: Iterable<Q>): Q {
  let s = ZERO;
  for (const x of xs) s = s.add(x);
  return s;
}
/** The larger of two rationals (the first when equal). */
export function qmax(a: Q, b: Q): Q {
  return a.compare(b) >= 0 ? a : b;
}
/** The smaller of two rationals (the first when equal). */
export function qmin(a: Q, b: Q): Q {
  return a.compare(b) <= 0 ? a : b;
}
/** Σ a_k·b_k. */
export function qdot(a: readonly Q[], b: readonly Q[]): Q {
  let s = ZERO;
  for (let k = 0; k < a.length; k++) s = s.add(a[k]!.mul(b[k]!));
  return s;
}

/** JSON.stringify replacer: rationals as exact strings ("3/7"), bigints as decimal strings. */
export function exactJsonReplacer(_key: string, v: unknown): unknown {
  if (v instanceof Fraction) return v.toFraction();
  if (typeof v === "bigint") return v.toString();
  return v;
}

/** JSON text of data that may hold rationals, exactly (see exactJsonReplacer). */
export function toExactJsonText(x: unknown, indent = 2): string {
  return JSON.stringify(x, exactJsonReplacer, indent);
}
