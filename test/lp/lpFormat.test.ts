import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import Fraction from "fraction.js";
import { isMechcheckError } from "../../src/errors.ts";
import { lpModelToLpFormat, parseLpFormat } from "../../src/lp/lpFormat.ts";
import { LpBuilder, type LpModel, type RowSense } from "../../src/lp/model.ts";
import { loadLpEngine, solve } from "../../src/lp/solve.ts";
import { optimalExPostAuctionLp, randomCorrelatedPrior } from "../../src/robust/optimalExPostAuction.ts";

const RUNS = Number(process.env.MECHCHECK_RUNS ?? 100);

const coef = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: -30, max: 30 }) },
  { weight: 2, arbitrary: fc.tuple(fc.integer({ min: -50, max: 50 }), fc.integer({ min: 1, max: 12 })).map(([a, b]) => `${a}/${b}`) },
);
const bound = fc.option(fc.oneof(fc.integer({ min: -5, max: 5 }), fc.tuple(fc.integer({ min: -9, max: 9 }), fc.integer({ min: 2, max: 5 })).map(([a, b]) => `${a}/${b}`)));

const randomModel: fc.Arbitrary<LpModel> = fc
  .record({
    direction: fc.constantFrom("max" as const, "min" as const),
    n: fc.integer({ min: 1, max: 12 }),
    rows: fc.array(fc.record({ coefs: fc.array(fc.option(coef, { freq: 2 }), { minLength: 12, maxLength: 12 }), sense: fc.constantFrom<RowSense>("<=", ">=", "="), rhs: coef }), { maxLength: 6 }),
    obj: fc.array(fc.option(coef), { minLength: 12, maxLength: 12 }),
    bounds: fc.array(fc.tuple(bound, bound), { minLength: 12, maxLength: 12 }),
  })
  .map(({ direction, n, rows, obj, bounds }) => {
    const b = new LpBuilder(direction);
    for (let j = 0; j < n; j++) {
      let [l, u] = bounds[j]!;
      if (l !== null && u !== null && new Fraction(l).compare(new Fraction(u)) > 0) [l, u] = [u, l];
      b.variable(`v${j}`, { lower: l, upper: u });
    }
    rows.forEach((r, i) => b.row(`row ${i}`, r.coefs.slice(0, n).flatMap((c, j) => (c === null ? [] : [[j, c] as const])), r.sense, r.rhs));
    b.objective(obj.slice(0, n).flatMap((c, j) => (c === null ? [] : [[j, c] as const])));
    return b.build();
  });

/** The model's data without names, as comparable text. */
const shape = (m: LpModel) =>
  JSON.stringify({
    direction: m.direction,
    vars: m.variables.map((v) => [v.lower?.toFraction() ?? null, v.upper?.toFraction() ?? null]),
    rows: m.rows.map((r) => [r.terms.map((t) => [t.var, t.coef.toFraction()]), r.sense, r.rhs.toFraction()]),
    obj: m.objective.map((t) => [t.var, t.coef.toFraction()]),
  });

describe("LP text format", () => {
  it("round-trips random models exactly (bounds, senses, rationals, empty rows, unused columns)", () => {
    fc.assert(
      fc.property(randomModel, (m) => {
        expect(shape(parseLpFormat(lpModelToLpFormat(m)))).toBe(shape(m));
      }),
      { numRuns: RUNS, seed: 16 },
    );
  });

  it("round-trips (P) n=2, K=4 (long objective wrapped over lines)", () => {
    const m = optimalExPostAuctionLp(randomCorrelatedPrior("lp-format", 2, 4));
    const text = lpModelToLpFormat(m);
    expect(text.split("\n").every((l) => l.length < 400)).toBe(true);
    expect(shape(parseLpFormat(text))).toBe(shape(m));
  });

  it("control: a changed coefficient, sense or bound does not round-trip to the same model", () => {
    const b = new LpBuilder("max");
    b.variable("a", { lower: -1, upper: "7/2" });
    b.variable("b", { lower: null });
    b.row("c", [["a", "3/4"], ["b", -2]], "<=", "5/3");
    b.objective([["a", 1], ["b", "-1/9"]]);
    const m = b.build();
    const text = lpModelToLpFormat(m);
    for (const [from, to] of [["3/4 x0", "3/5 x0"], ["<= 5/3", ">= 5/3"], ["-1 <= x0 <= 7/2", "-1 <= x0 <= 7/3"], ["x1 free", "0 <= x1"]] as const) {
      expect(text).toContain(from);
      expect(shape(parseLpFormat(text.replace(from, to)))).not.toBe(shape(m));
    }
  });

  it("refuses an objective constant and a bad problem name with a one-line error", () => {
    const b = new LpBuilder("min");
    b.variable("a");
    b.objective([["a", 1]], 3);
    for (const f of [() => lpModelToLpFormat(b.build()), () => lpModelToLpFormat(optimalExPostAuctionLp(randomCorrelatedPrior("x", 1, 2)), "bad name")]) {
      try {
        f();
        expect.unreachable();
      } catch (e) {
        expect(isMechcheckError(e)).toBe(true);
        expect((e as Error).message).not.toContain("\n");
      }
    }
  });
});

// QSopt_ex (Debian package qsopt-ex) reads the same text and agrees exactly; only where installed.
const esolver = ["/usr/bin/esolver", "/usr/local/bin/esolver"].find((p) => existsSync(p));
describe.runIf(esolver !== undefined)("LP text format read by QSopt_ex's esolver", () => {
  beforeAll(async () => {
    await loadLpEngine();
  });
  it("esolver's exact optimal value equals ours on random models", () => {
    const dir = mkdtempSync(join(tmpdir(), "mechcheck-lp-"));
    try {
      let optimal = 0;
      fc.assert(
        fc.property(randomModel, (m) => {
          fc.pre(m.rows.length > 0); // esolver rejects an empty "Subject To" section
          const ours = solve(m);
          const file = join(dir, "m.lp");
          writeFileSync(file, lpModelToLpFormat(m));
          execFileSync(esolver!, ["-L", "-O", join(dir, "m.sol"), file], { stdio: "ignore" });
          const sol = execFileSync("cat", [join(dir, "m.sol")], { encoding: "utf8" });
          const status = /status =? ?(\w+)/.exec(sol)?.[1];
          expect(status).toBe(ours.status === "optimal" ? "OPTIMAL" : ours.status === "infeasible" ? "INFEASIBLE" : "UNBOUNDED");
          if (ours.status === "optimal") {
            optimal++;
            expect(/Value = (\S+)/.exec(sol)?.[1]).toBe(ours.value.toFraction());
          }
        }),
        { numRuns: 30, seed: 16 },
      );
      expect(optimal).toBeGreaterThan(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
