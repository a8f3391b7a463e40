import fc from "fast-check";
import Fraction from "fraction.js";
import { describe, expect, it } from "vitest";
import { MechcheckError } from "../../src/errors.ts";
import { fromFloatApprox, fromFloatExact, isInteger, q, qdot, qmax, qmin, qstr, qsum, sign, toFloat } from "../../src/exact/rational.ts";

const RUNS = { seed: 42, numRuns: Number(process.env.MECHCHECK_RUNS ?? 100) };

function caught(f: () => unknown): MechcheckError {
  try {
    f();
  } catch (e) {
    if (e instanceof MechcheckError) return e;
    throw new Error(`expected a MechcheckError, got ${String(e)}`);
  }
  throw new Error("expected a MechcheckError, nothing was thrown");
}

describe("q: exact parsing", () => {
  // expected values by hand: numerator/denominator in lowest terms
  it.each([
    ["3/7", 3n, 7n, 1n],
    ["-2", 2n, 1n, -1n],
    ["0.25", 1n, 4n, 1n],
    ["1e-3", 1n, 1000n, 1n],
    [" 2/-4 ", 1n, 2n, -1n],
    ["-0.5e1", 5n, 1n, -1n],
    [".5", 1n, 2n, 1n],
    ["12.50/5", 5n, 2n, 1n],
    ["0.1", 1n, 10n, 1n],
    ["+7", 7n, 1n, 1n],
  ])("%j = %s/%s (sign %s)", (text, n, d, s) => {
    const x = q(text);
    expect([x.n, x.d, x.s]).toEqual([n, d, s]);
  });

  it("accepts integers, bigints and Fractions unchanged", () => {
    expect(qstr(q(-12))).toBe("-12");
    expect(qstr(q(10n ** 30n))).toBe("1" + "0".repeat(30));
    const f = new Fraction(2, 3);
    expect(q(f)).toBe(f);
  });

  it("decimal literals mean their exact decimal value: m·10^e", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), fc.integer({ min: -40, max: 40 }), (m, e) => {
        const expected = e >= 0 ? new Fraction(m * 10n ** BigInt(e)) : new Fraction(m, 10n ** BigInt(-e));
        return q(`${m}e${e}`).equals(expected);
      }),
      RUNS,
    );
  });

  it("qstr and q round-trip", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 25n), max: 10n ** 25n }), fc.bigInt({ min: 1n, max: 10n ** 25n }), (n, d) => {
        const x = new Fraction(n, d);
        return q(qstr(x)).equals(x);
      }),
      RUNS,
    );
  });
});

describe("q: refusals name the field", () => {
  it("refuses a non-integer float", () => {
    const e = caught(() => q(0.1, "constraints.c1.max"));
    expect(e.code).toBe("float-not-exact");
    expect(e.path).toBe("constraints.c1.max");
    expect(e.message).toMatch(/^constraints\.c1\.max: 0\.1 is a non-integer float; write it as an exact string such as "1\/10"/);
  });
  it("refuses NaN, ±Infinity and unsafe integers", () => {
    for (const v of [NaN, Infinity, -Infinity]) {
      const e = caught(() => q(v, "objective.x"));
      expect(e.code).toBe("not-a-number");
      expect(e.message).toMatch(/^objective\.x: /);
    }
    expect(caught(() => q(2 ** 60, "rhs")).message).toMatch(/^rhs: .* beyond 2\^53/);
  });
  it.each(["abc", "NaN", "Infinity", "", "1/2/3", "0x10", "1e", ".", "1 2", "--1", "1/", "/2", "1/2.5"])("refuses %j", (s) => {
    const e = caught(() => q(s, "constraints.c1.max"));
    expect(e.code).toBe("not-a-rational");
    expect(e.path).toBe("constraints.c1.max");
    expect(e.message).toBe(`constraints.c1.max: ${JSON.stringify(s)} is not a rational number (expected e.g. "3/7", "-2", "0.25")`);
  });
  it("refuses a zero denominator", () => {
    for (const s of ["1/0", "3/-0", "0/000"]) {
      const e = caught(() => q(s, "variables.x.c1"));
      expect(e.code).toBe("division-by-zero");
      expect(e.message).toBe(`variables.x.c1: ${JSON.stringify(s)} has denominator zero`);
    }
  });
  it("refuses huge exponents with the field path (no hang)", () => {
    for (const s of ["1e99999", "1e-10001", "5e123456789012345678901234567890", "-3.5E+20000"]) {
      const e = caught(() => q(s, "constraints.c1.min"));
      expect(e.path).toBe("constraints.c1.min");
      expect(e.message).toMatch(/^constraints\.c1\.min: .* exponent beyond ±10000/);
    }
  });
  it("refuses other types", () => {
    for (const v of [null, undefined, true, {}, [1]]) {
      const e = caught(() => q(v as never, "variables.x.profit"));
      expect(e.code).toBe("not-a-rational");
      expect(e.message).toMatch(/^variables\.x\.profit: .* is not a rational number/);
    }
  });
});

/** Doubles over the whole range, with the subnormals (|x| < 2^-1022) well represented. */
const anyDouble = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer({ min: -(2 ** 52) + 1, max: 2 ** 52 - 1 }).map((k) => k * Number.MIN_VALUE), // subnormals (and 0)
  fc.double({ min: -1e-300, max: 1e-300, noNaN: true }),
);

function isPowerOfTwo(d: bigint): boolean {
  return d > 0n && (d & (d - 1n)) === 0n;
}

describe("fromFloatExact / toFloat", () => {
  it("fromFloatExact(x) is the exact binary value: a dyadic rational that converts back to x", () => {
    let subnormals = 0;
    fc.assert(
      fc.property(anyDouble, (x) => {
        if (x !== 0 && Math.abs(x) < 2 ** -1022) subnormals++;
        const f = fromFloatExact(x);
        expect(isPowerOfTwo(f.d)).toBe(true);
        expect(toFloat(f)).toBe(x === 0 ? 0 : x); // -0 is 0
      }),
      RUNS,
    );
    expect(subnormals).toBeGreaterThan(0);
  });

  it("a·2^e as a double is exactly a/2^-e (independent construction)", () => {
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 53) + 1, max: 2 ** 53 - 1 }), fc.integer({ min: -1074, max: 900 }), (a, e) => {
        const x = a * 2 ** e;
        fc.pre(Number.isFinite(x) && x / 2 ** e === a); // a·2^e representable (not rounded)
        const expected = e >= 0 ? new Fraction(BigInt(a) << BigInt(e)) : new Fraction(BigInt(a), 1n << BigInt(-e));
        return fromFloatExact(x).equals(expected);
      }),
      RUNS,
    );
  });

  it("fixed exact values: 0.1, 5e-324, 2^1023", () => {
    expect(qstr(fromFloatExact(0.1))).toBe("3602879701896397/36028797018963968");
    expect(fromFloatExact(Number.MIN_VALUE).equals(new Fraction(1n, 1n << 1074n))).toBe(true);
    expect(fromFloatExact(2 ** 1023).equals(new Fraction(1n << 1023n))).toBe(true);
    expect(() => fromFloatExact(NaN)).toThrowError(MechcheckError);
  });

  it("toFloat is correctly rounded: agrees with Number() on decimal strings (which ECMAScript rounds correctly)", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 25n), max: 10n ** 25n }), fc.integer({ min: -345, max: 300 }), (m, e) => {
        const text = `${m}e${e}`;
        expect(toFloat(q(text)) === Number(text)).toBe(true); // === also equates −0 and 0
      }),
      RUNS,
    );
    expect(toFloat(q("1e400"))).toBe(Infinity);
    expect(toFloat(q("-1e400"))).toBe(-Infinity);
    expect(toFloat(q("1e-400"))).toBe(0);
  });
});

describe("fromFloatApprox", () => {
  it("0.1 → 1/10, 1/3 → 1/3, 123456.789 → 123456789/1000", () => {
    expect(qstr(fromFloatApprox(0.1))).toBe("1/10");
    expect(qstr(fromFloatApprox(1 / 3))).toBe("1/3");
    // regression: new Fraction(123456.789) is 10000000/81, 0.0011 away
    expect(qstr(fromFloatApprox(123456.789))).toBe("123456789/1000");
  });
  it("stays within the tolerance, exactly", () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.constantFrom(1e-3, 1e-6, 1e-9), (x, tol) => {
        const a = fromFloatApprox(x, tol);
        return a.sub(fromFloatExact(x)).abs().compare(fromFloatExact(tol)) <= 0;
      }),
      RUNS,
    );
  });
  it("refuses NaN and a bad tolerance", () => {
    expect(caught(() => fromFloatApprox(NaN)).code).toBe("not-a-number");
    expect(caught(() => fromFloatApprox(0.5, 0)).code).toBe("bad-tolerance");
  });
});

describe("helpers", () => {
  it("sign, isInteger, qsum, qdot, qmax, qmin", () => {
    expect([sign(q("-1/2")), sign(q(0)), sign(q("3/4"))]).toEqual([-1, 0, 1]);
    expect([isInteger(q("4/2")), isInteger(q("1/2"))]).toEqual([true, false]);
    // 1/2 + 1/3 + 1/6 = 1
    expect(qstr(qsum([q("1/2"), q("1/3"), q("1/6")]))).toBe("1");
    // 1·4 + (1/2)·(−2) = 3
    expect(qstr(qdot([q(1), q("1/2")], [q(4), q(-2)]))).toBe("3");
    expect(qstr(qmax(q("1/3"), q("1/2")))).toBe("1/2");
    expect(qstr(qmin(q("1/3"), q("1/2")))).toBe("1/3");
  });
});
