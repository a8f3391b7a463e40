// Edges of src/exact/rational.ts found by mutation testing: error codes, paths and values a user
// sees; literal forms at the edge of the grammar; ties in the float rounding. Expected values are
// derived by hand (comments) or from an independent oracle (Number(bigint), which ECMAScript
// defines as round-to-nearest, ties-to-even).
import Fraction from "fraction.js";
import { describe, expect, it } from "vitest";
import { exactJsonReplacer, fromFloatApprox, fromFloatExact, isZero, q, qmax, qmin, qstr, toExactJsonText, toFloat } from "../../../src/exact/rational.ts";
import { caught } from "../support.ts";

describe("q: errors name the field, the value and the reason", () => {
  it("the default field name is 'value'", () => {
    const e = caught(() => q(1.5));
    expect([e.code, e.path, e.value]).toEqual(["float-not-exact", "value", 1.5]);
    expect(e.message).toMatch(/^value: 1\.5 is a non-integer float/);
  });
  it("non-finite numbers", () => {
    const e = caught(() => q(Number.NaN, "env.v[0]"));
    expect([e.code, e.path]).toEqual(["not-a-number", "env.v[0]"]);
    expect(e.value).toBeNaN();
  });
  it("integers beyond 2^53", () => {
    const e = caught(() => q(2 ** 60, "x"));
    expect([e.code, e.path, e.value]).toEqual(["float-not-exact", "x", 2 ** 60]);
    expect(e.message).toContain("beyond 2^53");
  });
  it("a zero denominator, written as 0, -0 or 000", () => {
    for (const s of ["1/0", "1/-0", "3/000"]) {
      const e = caught(() => q(s, "w"));
      expect([e.code, e.path, e.value]).toEqual(["division-by-zero", "w", s]);
    }
  });
  it("a denominator with a leading zero is not zero: 1/05 = 1/5", () => {
    expect(qstr(q("1/05"))).toBe("1/5");
    expect(qstr(q("2/-010"))).toBe("-1/5");
  });
  it("'.25' (no integer part, two fraction digits) is 1/4", () => {
    expect(qstr(q(".25"))).toBe("1/4");
    expect(qstr(q("-.125e1"))).toBe("-5/4");
  });
  it("exponents up to ±10000 are accepted, beyond are refused", () => {
    const big = q("1e10000");
    expect(big.d).toBe(1n);
    expect(big.n).toBe(10n ** 10000n);
    expect(q("1e-10000").d).toBe(10n ** 10000n);
    for (const s of ["1e10001", "1e-10001"]) {
      const e = caught(() => q(s, "p"));
      expect([e.code, e.path, e.value]).toEqual(["not-a-rational", "p", s]);
      expect(e.message).toContain("exponent beyond");
    }
  });
  it("a value that is not a number, string, bigint or Fraction is described in JSON", () => {
    const e = caught(() => q({ a: 1 } as never, "f"));
    expect([e.code, e.path]).toEqual(["not-a-rational", "f"]);
    expect(e.value).toEqual({ a: 1 });
    expect(e.message).toBe('f: {"a":1} is not a rational number');
    expect(caught(() => q(null as never)).message).toBe("value: null is not a rational number");
    // JSON.stringify(undefined) is undefined: String() is the fallback
    expect(caught(() => q(undefined as never)).message).toBe("value: undefined is not a rational number");
  });
  it("a value JSON cannot describe (a cycle) is described by String()", () => {
    const o: Record<string, unknown> = {};
    o.self = o;
    expect(caught(() => q(o as never)).message).toBe("value: [object Object] is not a rational number");
  });
});

describe("fromFloatExact / fromFloatApprox: refusals", () => {
  it("non-finite input: code, message, value", () => {
    for (const f of [fromFloatExact, (x: number) => fromFloatApprox(x)]) {
      const e = caught(() => f(Number.POSITIVE_INFINITY));
      expect(e.code).toBe("not-a-number");
      expect(e.message).toBe("Infinity is not a finite number");
      expect(e.value).toBe(Number.POSITIVE_INFINITY);
    }
  });
  it("a tolerance that is not positive and finite", () => {
    for (const t of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
      const e = caught(() => fromFloatApprox(0.5, t));
      expect([e.code, e.path]).toEqual(["bad-tolerance", "tolerance"]);
      expect(Object.is(e.value, t)).toBe(true);
      expect(e.message).toBe(`tolerance: ${t} is not a positive finite number`);
    }
  });
  it("±0 is exactly zero", () => {
    expect(isZero(fromFloatExact(0))).toBe(true);
    expect(isZero(fromFloatExact(-0))).toBe(true);
  });
});

describe("toFloat: round to nearest, ties to even", () => {
  // Doubles in [2^53, 2^54) are 2 apart. 2^53+1 lies halfway between 2^53 (even significand) and
  // 2^53+2 (odd): it rounds to 2^53. 2^53+3 lies between 2^53+2 (odd) and 2^53+4 (even): 2^53+4.
  it.each([
    [2n ** 53n + 1n, 2 ** 53],
    [2n ** 53n + 3n, 2 ** 53 + 4],
    [-(2n ** 53n + 1n), -(2 ** 53)],
    [2n ** 53n + 5n, 2 ** 53 + 4],
  ])("%s → %s", (n, want) => {
    expect(toFloat(new Fraction(n))).toBe(want);
    expect(toFloat(new Fraction(n))).toBe(Number(n)); // the language's own correctly rounded conversion
  });
  it("ties in the fraction: (2^54+1)/2 = 2^53 + 1/2 rounds down to 2^53, (2^54+3)/2 up to 2^53+2", () => {
    // 2^53 + 1/2 is between the neighbours 2^53 and 2^53+2, nearer 2^53; 2^53 + 3/2 nearer 2^53+2
    expect(toFloat(new Fraction(2n ** 54n + 1n, 2n))).toBe(2 ** 53);
    expect(toFloat(new Fraction(2n ** 54n + 3n, 2n))).toBe(2 ** 53 + 2);
  });
  // ulp = 2^-1074 below 2^-1022: 2^-1075 = 1/2 ulp → 0; 3·2^-1075 = 3/2 ulp → 2 ulp = 2^-1073
  it("subnormal ties: 2^-1075 → 0 (even), 3·2^-1075 → 2^-1073 (even)", () => {
    const tiny = 2n ** 1075n;
    expect(toFloat(new Fraction(1n, tiny))).toBe(0);
    expect(toFloat(new Fraction(3n, tiny))).toBe(2 ** -1073);
    expect(toFloat(new Fraction(5n, tiny))).toBe(2 ** -1073); // 5/2 ulp → 2 ulp (even), not 3
  });
});

describe("small helpers", () => {
  it("isZero", () => {
    expect(isZero(q(0))).toBe(true);
    expect(isZero(q("1/1000000"))).toBe(false);
    expect(isZero(q(-3))).toBe(false);
  });
  it("qmax / qmin pick the larger / smaller, in either argument order", () => {
    const [a, b] = [q("1/3"), q("1/2")];
    expect(qmax(a, b)).toBe(b);
    expect(qmax(b, a)).toBe(b);
    expect(qmin(a, b)).toBe(a);
    expect(qmin(b, a)).toBe(a);
  });
  it("exactJsonReplacer: rationals as 'p/q', bigints as decimal text, everything else unchanged", () => {
    expect(exactJsonReplacer("k", q("-3/7"))).toBe("-3/7");
    expect(exactJsonReplacer("k", 12345678901234567890n)).toBe("12345678901234567890");
    expect(exactJsonReplacer("k", 5)).toBe(5);
    expect(exactJsonReplacer("k", "5")).toBe("5");
    const o = { a: 1 };
    expect(exactJsonReplacer("k", o)).toBe(o);
  });
  it("toExactJsonText: exact and indented", () => {
    const x = { v: [q("1/3"), 2n], s: "t" };
    expect(toExactJsonText(x)).toBe('{\n  "v": [\n    "1/3",\n    "2"\n  ],\n  "s": "t"\n}');
    expect(toExactJsonText(x, 0)).toBe('{"v":["1/3","2"],"s":"t"}');
  });
});
