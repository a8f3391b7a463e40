/** LaTeX cells are plain ASCII input (pdflatex compiles them without packages): Unicode is escaped. */
import { describe, expect, it } from "vitest";
import { latexCell } from "../../src/format/table.ts";

const ASCII = /^[\x00-\x7f]*$/;

describe("latexCell escapes Unicode", () => {
  const inputs = ["λ ≥ 0", "θ → Σ_i p_i", "α, β, γ, ω, Λ, Ω", "Crémer–McLean “ex post”", "a ≠ b ∈ ∅ … ∞", "ℵ₀", "p′ · q", "x ≤ 1/2 ⇒ y"];
  it("leaves no non-ASCII character, with balanced math", () => {
    for (const s of inputs) {
      expect(ASCII.test(s), `control: ${s} has non-ASCII`).toBe(false);
      const out = latexCell(s);
      expect(out, s).toMatch(ASCII);
      expect((out.match(/(?<!\\)\$/g) ?? []).length % 2, out).toBe(0);
    }
  });
  it("renders known letters and symbols as commands, unknown ones by code point", () => {
    expect(latexCell("λ")).toBe("$\\lambda$");
    expect(latexCell("ω")).toBe("$\\omega$");
    expect(latexCell("Λ")).toBe("$\\Lambda$");
    expect(latexCell("≠")).toBe("$\\neq$");
    expect(latexCell("ℵ")).toBe("[U+2135]");
    expect(latexCell("-3/4")).toBe("$-\\frac{3}{4}$");
    expect(latexCell("p_i & 50%")).toBe("p\\_i \\& 50\\%");
  });
});
