/**
 * `solve` verifies what it returns: with the certifier replaced by one that accepts ANY basis (so
 * only solve's final `assertVerified` stands between a lying engine and the caller), a lie is
 * rejected — it never comes back as the optimum. certify.ts is mocked, hence this file of its own.
 */
import { describe, expect, it, vi } from "vitest";
import { q } from "../../src/exact/rational.ts";
import type { FloatLpEngine } from "../../src/lp/engine.ts";
import { LpBuilder } from "../../src/lp/model.ts";
import { solve } from "../../src/lp/solve.ts";

// A certifier that takes the basis at its word: x = 1 (the row x ≥ 1 tight), dual 1, value 1.
vi.mock("../../src/lp/certify.ts", async (importOriginal) => {
  const orig = await importOriginal<typeof import("../../src/lp/certify.ts")>();
  return {
    ...orig,
    certifyBasis: () => ({ ok: true, result: { status: "optimal", value: q(1), primal: [q(1)], dual: { rows: [q(1)], reducedCosts: [q(0)] } } }),
  };
});

describe("solve's final verification", () => {
  it("rejects a lying engine's basis even when certification is bypassed", () => {
    // kills: solve.ts without its final assertVerified
    // max x s.t. x ≥ 1, 0 ≤ x ≤ 10: the true optimum is 10; the liar proposes the basis at x = 1.
    const b = new LpBuilder("max");
    const x = b.variable("x", { upper: 10 });
    b.row("r", [[x, 1]], ">=", 1).objective([[x, 1]]);
    const model = b.build();
    const liar: FloatLpEngine = {
      name: "liar",
      propose: () => ({ status: "optimal", rawStatus: "Optimal", x: Float64Array.of(1), rowDuals: Float64Array.of(1), basis: { colStatus: ["basic"], rowStatus: ["lower"] } }),
    };
    let value: string | undefined;
    let error: unknown;
    try {
      const r = solve(model, { engine: liar });
      value = r.status === "optimal" ? r.value.toFraction() : r.status;
    } catch (e) {
      error = e;
    }
    // Either the lie is rejected (certificate-rejected) or solve finds the truth — never value 1.
    expect(value).not.toBe("1");
    if (value === undefined) expect((error as { code?: string }).code).toBe("certificate-rejected");
  });
});
