// toHighsModelData's float conversion (engine.ts: a double division when numerator and
// denominator are below 2^53) gives exactly `toFloat`'s correctly rounded double, on random and
// edge fractions; the negative control shows the check can fail (a one-ulp change is seen).
import Fraction from "fraction.js";
import { describe, expect, it } from "vitest";
import { toFloat } from "../../src/exact/rational.ts";
import { toHighsModelData } from "../../src/lp/engine.ts";
import { LpBuilder } from "../../src/lp/model.ts";

const highsLike = { infinity: Infinity, constants: { objectiveSense: { minimize: 1, maximize: -1 } } } as never;

function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe("toHighsModelData: coefficients as toFloat's doubles", () => {
  const r = rng(16);
  const big = (bits: number) => {
    let x = 0n;
    for (let k = 0; k < bits; k += 16) x = (x << 16n) | BigInt(Math.floor(r() * 65536));
    return x === 0n ? 1n : x;
  };
  const fracs: Fraction[] = [new Fraction(1, 3), new Fraction(-2, 7), new Fraction(2n ** 53n - 1n, 3n), new Fraction(2n ** 53n + 1n, 3n), new Fraction(1n, 2n ** 53n - 1n), new Fraction(-(2n ** 60n) - 1n, 1n)];
  for (let k = 0; k < 400; k++) fracs.push(new Fraction(big([8, 30, 52, 53, 54, 70][k % 6]!) * (k % 2 ? -1n : 1n), big([8, 31, 52, 53, 60][k % 5]!)));
  const b = new LpBuilder("min");
  fracs.forEach((_f, j) => b.variable(`x${j}`, { lower: fracs[j]!, upper: null }));
  b.row("r", fracs.map((f, j) => [j, f] as const), ">=", fracs[1]!);
  b.objective(fracs.map((f, j) => [j, f] as const));
  const model = b.build();
  const data = toHighsModelData(model, highsLike);
  const expected = model.rows[0]!.terms.map((t) => toFloat(t.coef));
  it("matrix values, costs, bounds and right-hand sides equal toFloat exactly", () => {
    expect(Array.from(data.matrix.values)).toEqual(expected);
    expect(Array.from(data.colCost!)).toEqual(model.objective.map((t) => toFloat(t.coef)));
    expect(Array.from(data.colLower!)).toEqual(model.variables.map((v) => toFloat(v.lower!)));
    expect(data.rowLower![0]).toBe(toFloat(fracs[1]!));
  });
  it("negative control: one value moved by one ulp is seen", () => {
    const moved = Array.from(data.matrix.values);
    moved[0] = moved[0]! * (1 + Number.EPSILON);
    expect(moved).not.toEqual(expected);
  });
});
