/**
 * `cgk-dissolution` — [Mishra2020], *Dissolving a partnership*:
 * Theorem (Cramton, Gibbons, Klemperer 1987) "A partnership {r_i} can be dissolved efficiently iff
 * Σ_i [∫_{v*_i}^β (1 − F) x g − ∫_0^{v*_i} F x g] ≥ 0, G(v*_i) = r_i" (G = F^{n−1}), with the
 * *Necessary direction*, the *Sufficiency direction* (the CGK mechanism T_i(v) = c_i − ∫_0^{v_i} xg +
 * (1/(n−1))Σ_{j≠i} ∫_0^{v_j} xg, c_i = (1/n)Σ_j W(v*_j) − W(v*_i)), *One-seller many-buyer
 * partnerships* ("cannot be dissolved efficiently"), *Equal partnerships* ("can always be dissolved
 * efficiently. The set of partnerships that can be dissolved efficiently is a convex subset around
 * the equal partnership").
 *
 * Exact continuous transcription (no grid): values iid F on [0, β], F a polynomial CDF — uniform on
 * [0, β] (β ∈ {1, 2, 3}) or a mixture Σ w_k x^k on [0, 1] (degree ≤ 3, ≤ 2 when n = 4) — n ∈ {2, 3,
 * 4} partners, random rational shares (zeros allowed). W(v*_i) involves the algebraic critical types
 * v*_i: exact when rational, else certified brackets (src/continuous/polynomial.ts). A case whose
 * sign of Σ_i W(v*_i) (or of a sign this check needs) cannot be decided is "unknown": it does not
 * meet the hypothesis and is counted, never guessed. Checked on each case:
 *  1. the seed's W (eq. (2), src/continuous/trade.ts) equals E[H(V)] − H, H = ∫_0^v x g, computed
 *     here from the CGK transfer rule (src/constructions/cgkContinuous.ts): this is both the
 *     sufficiency slide's "t_i(v_i) = c_i + W(v_i)" and the necessity slide's ex-ante lower bound
 *     "∫(∫_{v}^{v*} xg) f = −W(v*)", as an exact identity of piecewise polynomials;
 *  2. the CGK mechanism: budget balanced by construction (Σ c_i = 0); BIC — the envelope identity
 *     (vG + t)′ = G exactly, G non-decreasing, and no gain from reporting v′ ∈ {0, β/2, β, the
 *     critical types' bracket ends} for any true value (exact sign patterns); interim IR ⇔ Σ W(v*) ≥ 0
 *     — G − r_i crosses 0 once from below (exact sign pattern), so the marginal payoff U − r_i v is
 *     least at v*_i (whose certified bracket is checked: G(lo) ≤ r_i ≤ G(hi)), where it equals
 *     (1/n)Σ_j W(v*_j). So: dissolvable (the CGK mechanism works) when Σ W ≥ 0; when Σ W < 0, the
 *     necessity argument (via 1.) shows no efficient, BIC, IIR, budget-balanced mechanism exists;
 *  3. one seller (r = e_1): Σ W < 0 exactly, and = (n − 1)∫F^{n−1}(F − 1) (the slide's identity,
 *     integrated independently);
 *  4. equal shares: Σ W ≥ 0;
 *  5. convexity (half the cases, a second share vector r′ and λ ∈ (0, 1)): r, r′ dissolvable ⇒
 *     λr + (1 − λ)r′ dissolvable; and the concavity behind it, Σ W(v*(λr + (1−λ)r′)) ≥ λΣW(v*(r)) +
 *     (1−λ)ΣW(v*(r′)), when its sign is decidable (equality cases are counted, not failed).
 * Finite grids (a quarter of the cases): there the seed's necessity argument fails (no payoff
 * equivalence), but the sufficiency construction survives (src/mechanisms/cgk.ts: dAGV plus the
 * IR-equalizing constants): on random value grids, iid marginals and shares, the CGK mechanism is
 * efficient, ex post budget balanced and BIC (src/concepts, exact), and interim IR iff
 * Σ_i W_i ≥ 0 with W_i = min_{θ_i}[U_i(θ_i) − r_i w(θ_i)]; every agent's least marginal payoff is
 * exactly (1/n)Σ_j W_j. The exact finite test of dissolvability is an LP (src/constructions/
 * dissolutionLp.ts, same efficient allocation): Σ W ≥ 0 ⇒ feasible, and every feasible point found
 * is re-checked BB, BIC and IIR; cases with Σ W < 0 that are nevertheless dissolvable are tagged.
 *
 * `cgk-dissolution-grid` (refutation): the seed's characterization transcribed to grids, "dissolvable
 * ⇔ Σ_i W_i ≥ 0", is false — the LP dissolves partnerships with Σ W < 0. The saved minimal
 * counterexample (counterexamples/cgk-dissolution-grid/) is even a ONE-SELLER partnership: values
 * {0, 1} w.p. 1/2 each, shares (0, 1), Σ W = −1/4, dissolved by the payments (by agents 1, 2)
 * (0,0): (−1/2, 1/2), (0,1): (1/2, −1/2), (1,0): (1, −1), (1,1): (0, 0) with ties split — so
 * "one-seller partnerships cannot be dissolved" is also false on grids (as Myerson–Satterthwaite is).
 */
import { Poly } from "../continuous/polynomial.ts";
import { cgkW } from "../trade/continuousTrade.ts";
import { q } from "../exact/rational.ts";
import type { Theorem } from "./types.ts";
import { shiftPayment } from "./support/controls.ts";
import { SEVENTH } from "./support/controlsSectionsCDE.ts";
import { type CgkCase, arbitrary, codec, solveContinuous, checkCgk } from "./support/partnershipDissolution.ts";

export const cgkDissolutionTheorem: Theorem<CgkCase> = {
  id: "cgk-dissolution",
  kind: "theorem",
  source: "[Mishra2020, *Dissolving a partnership*, *Sufficiency/Necessary direction*, *One-seller*, *Equal partnerships*]; [CramtonGibbonsKlemperer1987]",
  statement:
    "iid polynomial F: a partnership is dissolvable iff Σ_i W(v*_i) ≥ 0 (W = ∫_v^β(1−F)xg − ∫_0^v Fxg, G(v*_i) = r_i); the CGK mechanism is BB, BIC and IIR then; one seller never, equal shares always; the dissolvable set is convex. On grids the CGK mechanism is BB, efficient, BIC, and IIR iff Σ W_i ≥ 0.",
  arbitrary,
  hypothesis: (x) => x.kind === "grid" || solveContinuous(x).unknown === null,
  check: (x) => checkCgk(x),
  codec,
  defaultRuns: 200,
  negativeControls: [
    {
      name: "the seed's W off by 1/7",
      why: "two partners, F uniform on [0, 1], equal shares: the seed's W (eq. (2)) + 1/7 must differ from the CGK mechanism's interim transfer E[H] − H",
      input: () => ({ kind: "continuous", cdf: { kind: "uniform", hi: 1 }, shares: [q(1).div(q(2)), q(1).div(q(2))] }),
      check: (x) => checkCgk(x, { seedW: (F, n) => cgkW(F, n).map((p) => p.add(Poly.constant(SEVENTH))) }),
    },
    {
      name: "one-seller identity off by 1/7",
      why: "the same partnership: the slide's one-seller total (n − 1)∫F^{n−1}(F − 1) + 1/7 must differ from Σ W at shares (1, 0)",
      input: () => ({ kind: "continuous", cdf: { kind: "uniform", hi: 1 }, shares: [q(1).div(q(2)), q(1).div(q(2))] }),
      check: (x) => checkCgk(x, { oneSellerIdentity: (v) => v.add(SEVENTH) }),
    },
    {
      name: "grid CGK mechanism with one payment shifted",
      why: "two partners, values {0, 1} w.p. 1/2 each, equal shares: the CGK mechanism with agent 1's payment at the first profile raised by 1 is no longer budget balanced",
      input: () => ({ kind: "grid", values: [q(0), q(1)], marginal: [q(1).div(q(2)), q(1).div(q(2))], shares: [q(1).div(q(2)), q(1).div(q(2))] }),
      check: (x) => checkCgk(x, { gridMechanism: (m) => shiftPayment(m, 0, 0) }),
    },
  ],
};
