/**
 * Public good provision ([BernardMD3, *Provision of a Public Good*, Prop 6.26]) on finite value grids.
 * n agents with values θ_i on grids; q ∈ {0, 1}; utility q·θ_i − (gross payment); providing costs c.
 *
 * Encoding in mechcheck's model (which has no separate cost): decision 0 = "not provided", 1 =
 * "provided", and v_i(1, θ_i) = θ_i − c/n (each agent is charged an equal share of the cost inside
 * the valuation). Then Σ_i v_i(1) = Σ θ_i − c, so the efficient rule and VCG of vcg.ts apply, and a
 * mechanism's payments p_i are NET of the cost share: the gross contribution is p_i + q·c/n, and the
 * budget surplus Σ gross − c·q equals Σ_i p_i (budget balance ⇔ Σ p_i = 0). Utilities are unchanged.
 *
 * The efficient rule provides iff Σ θ_i ≥ c (ties: provide). Prop 6.26: an IC, IR, efficient, BB
 * mechanism exists iff n·v̲ ≥ c or n·v̄ ≤ c (continuous types on a common interval); with per-agent
 * grids the trivial cases read Σ_i min θ_i ≥ c or Σ_i max θ_i ≤ c, and `trivialPublicGoodMechanism`
 * builds the mechanism for them. Whether the "only if" survives on a grid is for the theorem code.
 */
import { MechcheckError } from "../errors.ts";
import { ONE, q, type Q, type QInput, qmax, qmin, qsum, ZERO } from "../exact/rational.ts";
import { numProfiles, typeSizes, type DecisionRule, type DirectMechanism, type Environment } from "../model/environment.ts";
import { allProfiles } from "../model/profiles.ts";
import { grovesMechanism, irVcgTerms } from "../mechanisms/vcg.ts";
import { exAnteExpectation, validateMarginals } from "../model/independence.ts";

/**
 * A public-good environment on value grids ([BernardMD3, *Provision of a Public Good*]) with its
 * cost: each valuation is net of an equal cost share, so payments are net and budget balance is Σ_i
 * p_i = 0.
 */
export interface PublicGood {
  readonly env: Environment;
  readonly cost: Q;
  /** values[i][θ_i] = θ_i. */
  readonly values: readonly (readonly Q[])[];
}

/**
 * The public-good environment for per-agent value grids and a cost (exact inputs; see the module
 * comment); an empty grid list or grid is a MechcheckError "dimension".
 */
export function publicGoodEnvironment(valuesInput: readonly (readonly QInput[])[], costInput: QInput): PublicGood {
  if (!Array.isArray(valuesInput) || valuesInput.length === 0) throw new MechcheckError("dimension", "values: expected one value grid per agent (at least one agent)", { path: "values", value: valuesInput });
  const cost = q(costInput, "cost");
  const values = valuesInput.map((g, i) => {
    if (!Array.isArray(g) || g.length === 0) throw new MechcheckError("dimension", `values[${i}]: expected a nonempty list of values`, { path: `values[${i}]`, value: g });
    return g.map((v, k) => q(v, `values[${i}][${k}]`));
  });
  const n = values.length;
  const share = cost.div(q(n));
  const sizes = values.map((g) => g.length);
  const profiles = [...allProfiles(sizes)];
  const env: Environment = {
    agents: values.map((_, i) => String(i + 1)),
    types: values.map((g) => g.map((v) => v.toFraction())),
    typeValues: values,
    decisions: ["not provided", "provided"],
    valuation: values.map((g, i) => profiles.map((p) => [ZERO, g[p[i]!]!.sub(share)])),
  };
  return { env, cost, values };
}

/** Provide iff Σ θ_i ≥ c. */
function publicGoodEfficientRule(pg: PublicGood): number[] {
  return [...allProfiles(typeSizes(pg.env))].map((p) => (qsum(p.map((k, i) => pg.values[i]![k]!)).compare(pg.cost) >= 0 ? 1 : 0));
}

/**
 * A public-good mechanism with its decision rule, the agents' gross contributions p_i + q·c/n, and
 * the budget Σ_i p_i(θ) at each profile (> 0 surplus, < 0 deficit).
 */
export interface PublicGoodVcg {
  readonly mechanism: DirectMechanism;
  readonly rule: DecisionRule;
  /** Gross contributions p_i + q·c/n. */
  readonly contributions: readonly (readonly Q[])[];
  /** budget[θ] = Σ gross − c·q(θ) = Σ_i p_i(θ): > 0 surplus, < 0 deficit. */
  readonly budget: readonly Q[];
}

function withBudget(pg: PublicGood, mechanism: DirectMechanism, rule: DecisionRule): PublicGoodVcg {
  const share = pg.cost.div(q(pg.values.length));
  const contributions = mechanism.payments.map((row, t) => row.map((p) => (rule[t] === 1 ? p.add(share) : p)));
  const budget = mechanism.payments.map((row) => qsum(row));
  return { mechanism, rule, contributions, budget };
}

/** The IR-VCG mechanism ([BernardMD3, *IR-VCG Mechanism*]) for the efficient provision rule, with its budget. */
export function publicGoodIrVcg(pg: PublicGood): PublicGoodVcg {
  const rule = publicGoodEfficientRule(pg);
  return withBudget(pg, grovesMechanism(pg.env, rule, irVcgTerms(pg.env, rule)), rule);
}

/** Expected budget surplus E[Σ_i p_i] under independent marginals. */
export function expectedBudget(pg: PublicGood, budget: readonly Q[], marginals: readonly (readonly QInput[])[]): Q {
  const m = validateMarginals(typeSizes(pg.env), marginals);
  if (budget.length !== numProfiles(pg.env)) throw new MechcheckError("dimension", `budget: expected ${numProfiles(pg.env)} entries`, { path: "budget", value: budget.length });
  return exAnteExpectation(m, (t) => budget[t]!);
}

/** Prop 6.26's trivial cases: "always" if Σ min θ_i ≥ c, "never" if Σ max θ_i ≤ c (both possible only if all grids are singletons with Σ = c), else null. */
export function prop626Case(pg: PublicGood): "always" | "never" | null {
  const lo = qsum(pg.values.map((g) => g.reduce((a, b) => qmin(a, b))));
  const hi = qsum(pg.values.map((g) => g.reduce((a, b) => qmax(a, b))));
  if (lo.compare(pg.cost) >= 0) return "always";
  if (hi.compare(pg.cost) <= 0) return "never";
  return null;
}

/**
 * The IC, IR, efficient, ex post BB mechanism of the trivial cases: "always" — provide at every
 * profile, agent i contributes v̲_i − (Σ_j v̲_j − c)/n ≤ v̲_i (constant, so IC; IR; contributions sum
 * to c); "never" — never provide, nobody pays (efficient: Σ θ ≤ c everywhere, ties allowed either
 * way). Throws "not-trivial" otherwise.
 */
export function trivialPublicGoodMechanism(pg: PublicGood): PublicGoodVcg {
  const kase = prop626Case(pg);
  if (kase === null) throw new MechcheckError("not-trivial", `cost: ${pg.cost.toFraction()} lies strictly between Σ min θ_i and Σ max θ_i; Prop 6.26's trivial cases do not apply`, { path: "cost", value: pg.cost.toFraction() });
  const m = numProfiles(pg.env);
  const n = pg.values.length;
  if (kase === "never") {
    const rule = Array.from({ length: m }, () => 0);
    return withBudget(pg, { kind: "direct", allocation: rule.map(() => [ONE, ZERO]), payments: rule.map(() => pg.values.map(() => ZERO)) }, rule);
  }
  const mins = pg.values.map((g) => g.reduce((a, b) => qmin(a, b)));
  const excess = qsum(mins).sub(pg.cost).div(q(n));
  const share = pg.cost.div(q(n));
  const net = mins.map((v) => v.sub(excess).sub(share));
  const rule = Array.from({ length: m }, () => 1);
  return withBudget(pg, { kind: "direct", allocation: rule.map(() => [ZERO, ONE]), payments: rule.map(() => net.slice()) }, rule);
}
