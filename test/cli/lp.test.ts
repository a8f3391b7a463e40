import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import Fraction from "fraction.js";
import { afterAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const EX = (name: string) => join(ROOT, "examples", "lp", name);

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}
async function runJson(file: string): Promise<Record<string, unknown> & { status: string; verified: boolean }> {
  const r = await run(["lp", EX(file), "--json"]);
  expect(r.err).toBe("");
  expect(r.code).toBe(0);
  return JSON.parse(r.out);
}
const F = (s: unknown) => new Fraction(s as string);
const sumProducts = (pairs: [unknown, number | string][]) => pairs.reduce((acc, [y, a]) => acc.add(F(y).mul(new Fraction(a))), new Fraction(0));

describe("mechcheck lp --json on the examples (answers derived by hand)", () => {
  it("production.json (Wyndor): optimum doors = 2, windows = 6, value 36, duals 0, 3/2, 1", async () => {
    // max 3d + 5w  s.t. plant1: d ≤ 4, plant2: 2w ≤ 12, plant3: 3d + 2w ≤ 18, d, w ≥ 0.
    // plant2 and plant3 tight: w = 6, 3d = 18 − 12 → d = 2 (plant1 slack: 2 < 4). Value 6 + 30 = 36.
    // Duals: y1 = 0 (slack); d-column 3 = 3·y3 → y3 = 1; w-column 5 = 2·y2 + 2·y3 → y2 = 3/2.
    // Check: 4·0 + 12·3/2 + 18·1 = 36. The vertex is nondegenerate, so primal and dual are unique.
    expect(await runJson("production.json")).toEqual({
      status: "optimal",
      value: "36",
      primal: { doors: "2", windows: "6" },
      dual: { plant1: "0", plant2: "3/2", plant3: "1" },
      reducedCosts: { doors: "0", windows: "0" },
      verified: true,
    });
  });

  it("degenerate.json: optimum (1, 1), value 2; duals any y ≥ 0 with y_capX + y_total = 1 = y_capY + y_total", async () => {
    // max x + y s.t. x ≤ 1, y ≤ 1, x + y ≤ 2: all three rows are tight at (1, 1), with two variables.
    // x + y ≤ 2 bounds the value by 2, and x + y = 2 with x, y ≤ 1 forces (1, 1): the primal is unique.
    // The duals are not: c = Aᵀy + d needs y_capX + y_total + d_x = 1 and y_capY + y_total + d_y = 1,
    // with y ≥ 0 (max, ≤ rows), and d ≤ 0 (d > 0 would need a finite upper bound), and dual value
    // y_capX + y_capY + 2 y_total = 2, which forces d = 0.
    const r = await runJson("degenerate.json");
    expect(r).toMatchObject({ status: "optimal", value: "2", primal: { x: "1", y: "1" }, verified: true });
    const y = r.dual as Record<string, string>;
    for (const k of ["capX", "capY", "total"]) expect(F(y[k]).compare(0)).toBeGreaterThanOrEqual(0);
    expect(F(y.capX).add(F(y.total)).equals(1)).toBe(true);
    expect(F(y.capY).add(F(y.total)).equals(1)).toBe(true);
    expect(sumProducts([[y.capX, 1], [y.capY, 1], [y.total, 2]]).equals(2)).toBe(true);
    expect(r.reducedCosts).toEqual({ x: "0", y: "0" });
  });

  it("infeasible.json: Farkas multipliers a = −y_capacity, b = y_demand with a ≥ b > 0 and 3b > 2a", async () => {
    // capacity: x + y ≤ 2, demand: x ≥ 3, x, y ≥ 0. Multipliers y_cap = −a ≤ 0 (≤ row), y_dem = b ≥ 0.
    // g = yᵀA = (b − a, −a); max over x, y ≥ 0 of g·(x, y) is finite only if g ≤ 0, i.e. b ≤ a,
    // and is then 0; the certificate needs 0 < yᵀb = 3b − 2a. So b > 0 and b ≤ a < 3b/2
    // (e.g. a = b = 1: "demand − capacity" reads x − (x + y) ≥ 3 − 2, i.e. −y ≥ 1).
    const r = await runJson("infeasible.json");
    expect(Object.keys(r).sort()).toEqual(["farkas", "status", "verified"]);
    expect(r).toMatchObject({ status: "infeasible", verified: true });
    const f = r.farkas as Record<string, string>;
    const a = F(f.capacity).neg();
    const b = F(f.demand);
    expect(b.compare(0)).toBeGreaterThan(0);
    expect(a.compare(b)).toBeGreaterThanOrEqual(0);
    expect(b.mul(3).compare(a.mul(2))).toBeGreaterThan(0);
  });

  it("unbounded.json: a feasible point and a ray r ≥ 0 with r_x ≤ r_y and r_x + r_y > 0", async () => {
    // max x + y s.t. spread: x − y ≤ 1, x, y ≥ 0. Along (0, 1) (or (1, 1)) the objective grows forever.
    // A ray r: r ≥ 0 (lower bounds 0), spread·r = r_x − r_y ≤ 0 (≤ row), c·r = r_x + r_y > 0 (max).
    const r = await runJson("unbounded.json");
    expect(Object.keys(r).sort()).toEqual(["point", "ray", "status", "verified"]);
    const ray = r.ray as Record<string, string>;
    const pt = r.point as Record<string, string>;
    expect(F(ray.x).compare(0)).toBeGreaterThanOrEqual(0);
    expect(F(ray.y).compare(0)).toBeGreaterThanOrEqual(0);
    expect(F(ray.x).compare(F(ray.y))).toBeLessThanOrEqual(0);
    expect(F(ray.x).add(F(ray.y)).compare(0)).toBeGreaterThan(0);
    expect(F(pt.x).compare(0)).toBeGreaterThanOrEqual(0);
    expect(F(pt.y).compare(0)).toBeGreaterThanOrEqual(0);
    expect(F(pt.x).sub(F(pt.y)).compare(1)).toBeLessThanOrEqual(0);
  });

  it("free.json: x = −3, y = 1, value −2 (negative x needs \"unrestricted\")", async () => {
    // min x + y s.t. r1: x − y ≥ −4, r2: x + 3y ≥ 0, band: −10 ≤ x ≤ 10 (rows band.min, band.max); x, y free.
    // Both r1 and r2 tight: subtracting, 4y = 4 → y = 1, x = −3 (band slack). Value −2.
    // Duals (min: ≥ rows y ≥ 0): (1, 1) = y1(1, −1) + y2(1, 3) → y1 + y2 = 1, −y1 + 3y2 = 1 → y2 = 1/2, y1 = 1/2.
    // Dual value −4·1/2 + 0·1/2 = −2. Free variables need zero reduced costs. Unique (nondegenerate).
    expect(await runJson("free.json")).toEqual({
      status: "optimal",
      value: "-2",
      primal: { x: "-3", y: "1" },
      dual: { r1: "1/2", r2: "1/2", "band.min": "0", "band.max": "0" },
      reducedCosts: { x: "0", y: "0" },
      verified: true,
    });
  });

  it("fractions.json: 0.1 is exactly 1/10; optimum (0, 1/2), value 3/14", async () => {
    // max (1/10)x + (3/7)y s.t. c1: x + 2y ≤ 1, c2: (3/10)x + (1/10)y ≤ 1/5 (i.e. 3x + y ≤ 2), x, y ≥ 0.
    // Vertices: (0,0) → 0; (2/3,0) → 1/15; (0,1/2) → 3/14; c1∩c2: x = 3/5, y = 1/5 → 3/50 + 3/35 = 51/350.
    // 3/14 = 75/350 is the largest. Duals: y_c2 = 0 (slack: 1/20 < 1/5), y-column 3/7 = 2·y_c1 → y_c1 = 3/14;
    // reduced cost of x: 1/10 − 3/14 = −4/35 (< 0, allowed at x's lower bound 0). Check: 1·3/14 = 3/14.
    // (A float reading of 0.1 would make the value a different, non-decimal rational.)
    expect(await runJson("fractions.json")).toEqual({
      status: "optimal",
      value: "3/14",
      primal: { x: "0", y: "1/2" },
      dual: { c1: "3/14", c2: "0" },
      reducedCosts: { x: "-4/35", y: "0" },
      verified: true,
    });
  });
});

describe("mechcheck lp: text output", () => {
  it("prints status, exact value with ≈, primal by variable, duals by row", async () => {
    const r = await run(["lp", EX("fractions.json")]);
    expect(r.code).toBe(0);
    const lines = r.out.split("\n");
    expect(lines[0]).toBe("status: optimal (certificate verified)");
    expect(lines).toContain("value: 3/14 (≈ 0.214285714286)");
    expect(lines).toContain("  y = 1/2 (≈ 0.5)");
    expect(lines).toContain("  c1 = 3/14 (≈ 0.214285714286)");
    expect(lines).toContain("  x = -4/35 (≈ -0.114285714286)");
  });
  it("prints the readable proof for an infeasible model", async () => {
    const r = await run(["lp", EX("infeasible.json")]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^status: infeasible \(certificate verified\)\nFarkas multipliers \(nonzero\):\n {2}capacity = -?\d/);
    const proof = r.out.split("proof of infeasibility:\n")[1];
    expect(proof).toBeDefined();
    expect(proof!.trim().length).toBeGreaterThan(0);
    expect(proof).toMatch(/capacity|demand/);
  });
  it("prints the ray for an unbounded model", async () => {
    const r = await run(["lp", EX("unbounded.json")]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^status: unbounded \(certificate verified\)\nthe objective is unbounded \(above\): from the feasible point\n {2}x = .*\n {2}y = .*\nmove along the ray\n {2}x = .*\n {2}y = /);
  });
});

describe("mechcheck lp: errors (exit 2, one line naming the file or field)", () => {
  const dir = mkdtempSync(join(tmpdir(), "mechcheck-lp-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, text: string) => {
    const p = join(dir, name);
    writeFileSync(p, text);
    return p;
  };

  it("a missing file", async () => {
    const p = join(dir, "nope.json");
    const r = await run(["lp", p]);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`mechcheck lp: error [file-not-found]: ${p}: no such file`);
  });
  it("a directory", async () => {
    const r = await run(["lp", dir]);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`mechcheck lp: error [unreadable-file]: ${dir}: is a directory, not a model file`);
  });
  it("invalid JSON, with line and column", async () => {
    const p = file("bad.json", `{\n  "optimize": "p",,\n}`);
    const r = await run(["lp", p]);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`mechcheck lp: error [invalid-json]: ${p}: invalid JSON at line 2, column 19: expected a string key, found ","`);
  });
  it("a bad number names the field path", async () => {
    const p = file("abc.json", `{"optimize":"p","opType":"max","constraints":{"c1":{"max":"abc"}},"variables":{"x":{"p":1,"c1":1}}}`);
    const r = await run(["lp", p]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^mechcheck lp: error \[not-a-rational\]: constraints\.c1\.max: "abc" is not a rational number/);
    expect(r.err).not.toMatch(/\n\s+at /); // no stack trace
  });
  it("integer variables are refused", async () => {
    const p = file("ints.json", `{"optimize":"p","opType":"max","constraints":{},"variables":{"x":{"p":1}},"ints":{"x":1}}`);
    const r = await run(["lp", p]);
    expect(r.code).toBe(2);
    expect(r.err).toBe("mechcheck lp: error [not-supported]: ints.x: integer variables are not supported: mechcheck solves LPs");
  });
  it("usage errors", async () => {
    const none = await run(["lp"]);
    expect(none.code).toBe(2);
    expect(none.err).toMatch(/expected one model file, got none/);
    const flag = await run(["lp", EX("production.json"), "--jsn"]);
    expect(flag.code).toBe(2);
    expect(flag.err).toMatch(/unknown option --jsn/);
    const help = await run(["lp", "--help"]);
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/^usage: mechcheck lp <model\.json> \[--json\]/);
  });
});

describe("the real bin", () => {
  it("node bin/mechcheck.mjs lp examples/lp/fractions.json --json", () => {
    const r = spawnSync(process.execPath, ["bin/mechcheck.mjs", "lp", "examples/lp/fractions.json", "--json"], { cwd: ROOT, encoding: "utf8", timeout: 90_000 });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    // same hand-derived answer as above
    expect(JSON.parse(r.stdout)).toMatchObject({ status: "optimal", value: "3/14", primal: { x: "0", y: "1/2" }, verified: true });
  });
  it("exits 2 with a one-line error for a missing file", () => {
    const r = spawnSync(process.execPath, ["bin/mechcheck.mjs", "lp", "examples/lp/does-not-exist.json"], { cwd: ROOT, encoding: "utf8", timeout: 90_000 });
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe("mechcheck lp: error [file-not-found]: examples/lp/does-not-exist.json: no such file");
  });
});
