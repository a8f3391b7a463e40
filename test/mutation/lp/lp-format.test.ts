// The LP text writer's exact output (every bound kind, signs, zero and unused columns, empty rows,
// line wrapping after 8 terms, the problem name) and the reader's refusals (code, path, message)
// and its token rules. Expected texts are written out by hand from the CPLEX LP layout the module
// comment describes.
import { describe, expect, it } from "vitest";
import { lpModelToLpFormat, parseLpFormat } from "../../../src/lp/lpFormat.ts";
import { LpBuilder, type LpModel } from "../../../src/lp/model.ts";
import { caught } from "../support.ts";

function mixed(): LpModel {
  const b = new LpBuilder("max");
  b.variable("a", { lower: -1, upper: "7/2" });
  b.variable("b", { lower: null });
  b.variable("c", { lower: 2, upper: 2 });
  b.variable("d", { lower: "1/2" });
  b.variable("e", { lower: null, upper: 3 });
  b.variable("f");
  b.row("one", [["a", "3/4"], ["b", -2]], "<=", "5/3");
  b.row("two", [["c", "-5/2"]], ">=", "-1");
  b.row("empty", [], "=", 0);
  b.row("four", [["e", 1]], "<=", "-4/3");
  b.objective([["a", 1], ["b", "-1/9"], ["d", -3]]);
  return b.build();
}

const MIXED_TEXT = [
  "Problem",
  " mechcheck",
  "Maximize",
  " obj: 1 x0 - 1/9 x1 - 3 x3 + 0 x5",
  "Subject To",
  " r0: 3/4 x0 - 2 x1 <= 5/3",
  " r1: - 5/2 x2 >= -1",
  " r2: 0 x0 = 0",
  " r3: 1 x4 <= -4/3",
  "Bounds",
  " -1 <= x0 <= 7/2",
  " x1 free",
  " x2 = 2",
  " 1/2 <= x3",
  " -inf <= x4 <= 3",
  " 0 <= x5",
  "End",
  "",
].join("\n");

/** The model's data without names, as comparable text. */
const shape = (m: LpModel) =>
  JSON.stringify({
    direction: m.direction,
    vars: m.variables.map((v) => [v.lower?.toFraction() ?? null, v.upper?.toFraction() ?? null]),
    rows: m.rows.map((r) => [r.terms.map((t) => [t.var, t.coef.toFraction()]), r.sense, r.rhs.toFraction()]),
    obj: m.objective.map((t) => [t.var, t.coef.toFraction()]),
  });

const chain = (n: number, direction: "max" | "min" = "min") => {
  const b = new LpBuilder(direction);
  for (let j = 0; j < n; j++) b.variable(`v${j}`);
  b.row("long", Array.from({ length: n }, (_, j) => [j, 1] as const), "<=", 1);
  b.objective(Array.from({ length: n }, (_, j) => [j, j + 1] as const));
  return b.build();
};

describe("lpModelToLpFormat: exact text", () => {
  it("every bound kind, signs, fractions, an unused column, an empty row", () => {
    expect(lpModelToLpFormat(mixed())).toBe(MIXED_TEXT);
  });

  it("an empty objective: no terms written as 0 x0, unused columns get 0 terms, the first without a sign; Minimize; a custom name", () => {
    const b = new LpBuilder("min");
    b.variable("p");
    b.variable("q");
    b.row("r", [["q", "-1/2"], ["p", 1]], ">=", 0);
    expect(lpModelToLpFormat(b.build(), "P_1")).toBe(["Problem", " P_1", "Minimize", " obj: 0 x0", "Subject To", " r0: 1 x0 - 1/2 x1 >= 0", "Bounds", " 0 <= x0", " 0 <= x1", "End", ""].join("\n"));
    const c = new LpBuilder("min");
    c.variable("p");
    c.variable("q");
    c.row("r", [["q", 2]], "<=", 1);
    expect(lpModelToLpFormat(c.build()).split("\n")[3]).toBe(" obj: 0 x0");
    const d = new LpBuilder("max");
    d.variable("p");
    d.variable("q");
    d.row("r", [], "<=", 1);
    expect(lpModelToLpFormat(d.build()).split("\n").slice(2, 6)).toEqual(["Maximize", " obj: 0 x0 + 0 x1", "Subject To", " r0: 0 x0 <= 1"]);
  });

  it("wraps after 8 terms per line (8: one line, 9: two, 16: two, 17: three)", () => {
    const lines = (n: number) => lpModelToLpFormat(chain(n)).split("\n");
    const terms = (from: number, to: number, coef: (j: number) => number) =>
      Array.from({ length: to - from }, (_, k) => `${k + from === 0 ? "" : "+ "}${coef(k + from)} x${k + from}`).join(" ");
    const one = (j: number) => 1;
    const obj = (j: number) => j + 1;
    expect(lines(8).slice(3, 6)).toEqual([` obj: ${terms(0, 8, obj)}`, "Subject To", ` r0: ${terms(0, 8, one)} <= 1`]);
    expect(lines(9).slice(3, 8)).toEqual([` obj: ${terms(0, 8, obj)}`, `  ${terms(8, 9, obj)}`, "Subject To", ` r0: ${terms(0, 8, one)}`, `  ${terms(8, 9, one)} <= 1`]);
    expect(lines(16).slice(3, 8)).toEqual([` obj: ${terms(0, 8, obj)}`, `  ${terms(8, 16, obj)}`, "Subject To", ` r0: ${terms(0, 8, one)}`, `  ${terms(8, 16, one)} <= 1`]);
    expect(lines(17).slice(3, 10)).toEqual([` obj: ${terms(0, 8, obj)}`, `  ${terms(8, 16, obj)}`, `  ${terms(16, 17, obj)}`, "Subject To", ` r0: ${terms(0, 8, one)}`, `  ${terms(8, 16, one)}`, `  ${terms(16, 17, one)} <= 1`]);
    for (const n of [8, 9, 16, 17]) expect(shape(parseLpFormat(lpModelToLpFormat(chain(n))))).toBe(shape(chain(n)));
  });

  it("refusals: objective constant, no variables, bad names (code, path, value, message)", () => {
    const b = new LpBuilder("min");
    b.variable("a");
    b.objective([["a", 1]], "-3/2");
    const e1 = caught(() => lpModelToLpFormat(b.build()));
    expect([e1.code, e1.path, e1.value, e1.message]).toEqual(["not-supported", "objectiveConstant", "-3/2", "LP format export: objective constant -3/2 is not 0 (the format has no constant)"]);
    const e2 = caught(() => lpModelToLpFormat(new LpBuilder("max").build()));
    expect([e2.code, e2.path, e2.value, e2.message]).toEqual(["not-supported", "variables", 0, "LP format export: the model has no variables"]);
    for (const name of ["1abc", "a-b", "", "ab c", "_a"]) {
      const e = caught(() => lpModelToLpFormat(mixed(), name));
      expect([e.code, e.path, e.value, e.message]).toEqual(["bad-option", "name", name, `LP format export: problem name ${JSON.stringify(name)} must be letters, digits and _`]);
    }
    // control: accepted names
    for (const name of ["a", "Z9_", "mech_1"]) expect(lpModelToLpFormat(mixed(), name).split("\n")[1]).toBe(` ${name}`);
  });
});

describe("parseLpFormat", () => {
  it("reads the hand-written text back to the model", () => {
    expect(shape(parseLpFormat(MIXED_TEXT))).toBe(shape(mixed()));
    const m = parseLpFormat(MIXED_TEXT);
    expect(m.variables.map((v) => v.name)).toEqual(["x0", "x1", "x2", "x3", "x4", "x5"]);
    expect(m.rows.map((r) => r.name)).toEqual(["r0", "r1", "r2", "r3"]);
  });

  it("signs, implicit coefficients, comments, blank lines, trailing blanks, the Problem section", () => {
    const text = ["\\ a comment", "Problem", " anything here 1 2", "", "Minimize  ", " obj: - x0 + x1 2 x2 - 3/4 x3", "Subject To", " r0: - 1 x0 2 x1 >= -2", " r1: x2", "  - x3 = 5/2", "Bounds", " x0 free", "End"].join("\n");
    const m = parseLpFormat(text);
    expect(m.direction).toBe("min");
    expect(m.objective.map((t) => [t.var, t.coef.toFraction()])).toEqual([[0, "-1"], [1, "1"], [2, "2"], [3, "-3/4"]]);
    expect(m.rows.map((r) => [r.terms.map((t) => [t.var, t.coef.toFraction()]), r.sense, r.rhs.toFraction()])).toEqual([
      [[[0, "-1"], [1, "2"]], ">=", "-2"],
      [[[2, "1"], [3, "-1"]], "=", "5/2"],
    ]);
    // x0 from Bounds, x1..x3 default [0, ∞)
    expect(m.variables.map((v) => [v.lower?.toFraction() ?? null, v.upper?.toFraction() ?? null])).toEqual([[null, null], ["0", null], ["0", null], ["0", null]]);
  });

  it("the column count is the larger of the highest index + 1 and the number of bounds", () => {
    expect(parseLpFormat("Maximize\n obj: 1 x2\nSubject To\nBounds\nEnd\n").variables.length).toBe(3);
    expect(parseLpFormat("Maximize\n obj: 1 x0\nSubject To\nBounds\n x0 free\n x1 free\n x2 free\n x3 free\nEnd\n").variables.length).toBe(4);
    expect(parseLpFormat("Maximize\n obj: 1 x0\nEnd\n").variables.length).toBe(1);
  });

  it("refusals with the line number (code, path, message)", () => {
    const err = (text: string) => {
      const e = caught(() => parseLpFormat(text));
      return [e.code, e.path, e.message];
    };
    expect(err("Maximize\n obj: 1 y0\n")).toEqual(["bad-format", "line 2", 'LP text line 2: unexpected token "y0"']);
    expect(err("Maximize\n obj: 1 x0 + 2\n")).toEqual(["bad-format", "line 2", "LP text line 2: a coefficient without its variable"]);
    expect(err("Maximize\n obj: 1 x0\nSubject To\n r1: 1 x0 <= 1\n")).toEqual(["bad-format", "line 4", "LP text line 4: row r1 out of order"]);
    expect(err("Maximize\n obj: 1 x0\nSubject To\n r0: 1 x0 <= 1\n r0: 1 x0 <= 1\n")).toEqual(["bad-format", "line 5", "LP text line 5: row r0 out of order"]);
    expect(err("Maximize\n obj: 1 x0\nSubject To\n  + 1 x0 <= 1\n")).toEqual(["bad-format", "line 4", "LP text line 4: a continuation line outside a row"]);
    expect(err("Maximize\n obj: 1 x0\nSubject To\n r0: 1 x0 <= 1\n  + 1 x0 <= 1\n")).toEqual(["bad-format", "line 5", "LP text line 5: a continuation line outside a row"]);
    expect(err("Maximize\n obj: 1 x0\nBounds\n x0 >= 1\n")).toEqual(["bad-format", "line 4", 'LP text line 4: unreadable bound "x0 >= 1"']);
    expect(err("Maximize\n obj: 1 x0\nBounds\n x0 free now\n")).toEqual(["bad-format", "line 4", 'LP text line 4: unreadable bound "x0 free now"']);
    expect(err("Maximize\n obj: 1 x0\nBounds\n 1 <= x0 <= 2 x\n")).toEqual(["bad-format", "line 4", 'LP text line 4: unreadable bound "1 <= x0 <= 2 x"']);
    expect(err(" obj: 1 x0\nMaximize\n")).toEqual(["bad-format", "line 1", "LP text line 1: text outside a section"]);
    expect(err("Maximize\n obj: 1 x0\nEnd\n x0 free\n")).toEqual(["bad-format", "line 4", "LP text line 4: text outside a section"]);
    expect(err("Problem\n p\nSubject To\n r0: 1 x0 <= 1\n")).toEqual(["bad-format", "line 1", "LP text line 1: no Maximize/Minimize section"]);
  });

  it("a row header alone, the sense anchored at the end, a section change ends the row in progress", () => {
    // " r0:" with its terms on the next line is read as one row
    const m = parseLpFormat("Maximize\n obj: 1 x0\nSubject To\n r0:\n  2 x0 <= 1\nEnd\n");
    expect(m.rows.map((r) => [r.terms.map((t) => [t.var, t.coef.toFraction()]), r.sense, r.rhs.toFraction()])).toEqual([[[[0, "2"]], "<=", "1"]]);
    // a sense followed by more terms is not a row end: "<=" is then an unexpected token
    expect(caught(() => parseLpFormat("Maximize\n obj: 1 x0\nSubject To\n r0: 1 x0 <= 1 x1\n")).message).toBe('LP text line 4: unexpected token "<="');
    // a row left open when a new section starts cannot be continued later
    expect(caught(() => parseLpFormat("Maximize\n obj: 1 x0\nSubject To\n r0: 1 x0\nBounds\nSubject To\n  <= 1\n")).message).toBe("LP text line 7: a continuation line outside a row");
  });

  it("tokens, labels and senses are matched whole; comments and blank lines inside a section are skipped", () => {
    const msg = (text: string) => caught(() => parseLpFormat(text)).message;
    expect(msg("Maximize\n obj: 2x0\n")).toBe('LP text line 2: unexpected token "2x0"');
    expect(msg("Maximize\n obj: 1 x0y\n")).toBe('LP text line 2: unexpected token "x0y"');
    expect(msg("Maximize\n obj: 1/2y x0\n")).toBe('LP text line 2: unexpected token "1/2y"');
    expect(msg("Maximize\n obj: 1 x0\n  + 1 x1 obj:\n")).toBe('LP text line 3: unexpected token "obj:"');
    expect(msg("Maximize\n obj: 1 x0\nSubject To\n r0: 1 x0 <= 1\n  x0 r1: 2 x0 <= 3\n")).toBe("LP text line 5: a continuation line outside a row");
    expect(msg("Maximize\n obj: 1 x0\nSubject To\n r0: 1 x0 <= 1x\n")).toBe('LP text line 4: unexpected token "<="');
    // accepted: labels after several blanks, a sense without a blank before the number
    const m = parseLpFormat("Maximize\n  obj: 3 x0\nSubject To\n  r0: 1 x0 <=1\n\n\\ a comment\n r1: 1 x0 >= 0\nEnd\n");
    expect(m.objective.map((t) => [t.var, t.coef.toFraction()])).toEqual([[0, "3"]]);
    expect(m.rows.map((r) => [r.terms.map((t) => [t.var, t.coef.toFraction()]), r.sense, r.rhs.toFraction()])).toEqual([
      [[[0, "1"]], "<=", "1"],
      [[[0, "1"]], ">=", "0"],
    ]);
  });

  it("each bound form, anchored (a form with extra text before or after is refused)", () => {
    const bounds = (line: string) => {
      const v = parseLpFormat(`Maximize\n obj: 1 x0\nBounds\n${line}\nEnd\n`).variables[0]!;
      return [v.lower?.toFraction() ?? null, v.upper?.toFraction() ?? null];
    };
    expect(bounds(" x0 = -7/3")).toEqual(["-7/3", "-7/3"]);
    expect(bounds(" -inf <= x0 <= -1/2")).toEqual([null, "-1/2"]);
    expect(bounds(" -5/4 <= x0")).toEqual(["-5/4", null]);
    expect(bounds(" -1 <= x0 <= 2/3")).toEqual(["-1", "2/3"]);
    for (const bad of [" y x0 free", " x0 = 1 y", " y x0 = 1", " z -inf <= x0 <= 1", " -inf <= x0 <= 1 z", " z 1 <= x0", " 1 <= x0 z", " z 1 <= x0 <= 2"]) {
      expect(caught(() => bounds(bad)).message).toBe(`LP text line 4: unreadable bound ${JSON.stringify(bad.trim())}`);
    }
  });
});
