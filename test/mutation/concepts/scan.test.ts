// Scan (common.ts), the worst-violation / tightest-slack tracker every concept checker uses, on
// hand-picked gain sequences; and efficientDecisions at the edge of an empty decision list.
import { describe, expect, it } from "vitest";
import { q } from "../../../src/exact/rational.ts";
import { Scan } from "../../../src/concepts/common.ts";
import { efficientDecisions } from "../../../src/concepts/efficiency.ts";
import type { Environment } from "../../../src/model/environment.ts";

type V = { gain: ReturnType<typeof q>; tag: string };
const run = (gains: (number | string)[]) => {
  const s = new Scan<V>();
  gains.forEach((g, k) => s.see(q(g), () => ({ gain: q(g), tag: `#${k}` })));
  return s.verdict();
};

describe("Scan", () => {
  it("holds: counts every constraint and keeps the smallest slack, wherever it comes", () => {
    expect(run([-1, -3, -2])).toEqual({ verdict: "holds", witness: { constraints: 3, minSlack: q(1) } });
    expect(run([-3, -2, -5])).toEqual({ verdict: "holds", witness: { constraints: 3, minSlack: q(2) } });
    expect(run([0, -1])).toEqual({ verdict: "holds", witness: { constraints: 2, minSlack: q(0) } });
  });
  it("no constraint: holds with no slack", () => {
    expect(run([])).toEqual({ verdict: "holds", witness: { constraints: 0, minSlack: null } });
  });
  it("fails: the largest positive gain, the first among equals", () => {
    const v = run([-1, "1/2", 2, 2, 1]);
    expect(v.verdict === "fails" && v.violation.tag).toBe("#2");
  });
});

describe("efficientDecisions", () => {
  it("no decisions: none is efficient", () => {
    const env: Environment = { agents: ["a"], types: [["x"]], decisions: [], valuation: [[[]]] };
    expect(efficientDecisions(env, 0)).toEqual([]);
  });
});
