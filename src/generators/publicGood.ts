/**
 * Public-good provision with private values ([BernardMD3, *Provision of a Public Good*, Prop 6.26]:
 * u_i = q·v_i − p_i, social cost c paid out of the payments; [ChungEly2002, §5]: value of not producing
 * normalised to 0, cost c).
 */
import fc from "fast-check";
import type { Q } from "../exact/rational.ts";
import { ZERO, q, qstr } from "../exact/rational.ts";
import { MechcheckError } from "../errors.ts";
import type { Environment } from "../model/environment.ts";
import { allProfiles } from "../model/profiles.ts";
import { agentLabels } from "./options.ts";
import { valueGridOfSize, type GridOptions } from "./valueGrid.ts";

/**
 * Options of `publicGood` ([BernardMD3, *Provision of a Public Good*]): GridOptions, the number of
 * agents and grid points, the cost and how it is shared.
 */
export interface PublicGoodOptions extends GridOptions {
  /** Most agents (default 3). */
  readonly maxAgents?: number;
  /** Fewest agents (default 2). */
  readonly minAgents?: number;
  /** Most types per agent (default 3). */
  readonly maxTypes?: number;
  /** Fewest types per agent (default 1). */
  readonly minTypes?: number;
  /** Largest cost numerator (default maxAgents · maxValue); cost in [0, maxCost] / valueDenominator. */
  readonly maxCost?: number;
  /**
   * "equal-shares" (default): the env's valuations are net of an equal share c/n of the cost,
   * v_i(provide) = θ_i − c/n, so surplus-maximisation is efficiency net of the cost and budget
   * balance is Σ_i p_i = 0 (p_i is then the payment beyond the share). "none": gross valuations
   * v_i(provide) = θ_i as in [BernardMD3] (payments must cover c when provided; the theorem does that).
   */
  readonly costSharing?: "equal-shares" | "none";
}

/** A public-good environment with its value grids and cost. */
export interface PublicGood {
  readonly env: Environment;
  readonly cost: Q;
  readonly costSharing: "equal-shares" | "none";
}

/** The decision index of "provide the good" in a public-good environment. */
export const PROVIDE = 0;
/** The decision index of "do not provide" in a public-good environment. */
export const NOT_PROVIDE = 1;

/**
 * The public-good environment for given value grids and cost (decisions provide and not; with
 * "equal-shares" each agent's value of provision is net of cost/n, with "none" the cost is not in
 * the valuations), deterministic and exact.
 */
export function publicGoodEnvironment(grids: readonly (readonly Q[])[], cost: Q, costSharing: "equal-shares" | "none" = "equal-shares"): PublicGood {
  const sizes = grids.map((g) => g.length);
  const profiles = [...allProfiles(sizes)];
  const share = costSharing === "equal-shares" ? cost.div(q(grids.length)) : ZERO;
  return {
    env: {
      agents: agentLabels(grids.length),
      types: grids.map((g) => g.map(qstr)),
      typeValues: grids.map((g) => g.slice()),
      decisions: ["provide", "not"],
      valuation: grids.map((g, i) => profiles.map((p) => [g[p[i]!]!.sub(share), ZERO])),
    },
    cost,
    costSharing,
  };
}

/** A random public-good problem: n agents with increasing value grids and a cost c. */
export function publicGood(opts: PublicGoodOptions = {}): fc.Arbitrary<PublicGood> {
  const minA = opts.minAgents ?? 2;
  const maxA = opts.maxAgents ?? 3;
  const minT = opts.minTypes ?? 1;
  const maxT = opts.maxTypes ?? 3;
  if (!(minA >= 1 && maxA >= minA && minT >= 1 && maxT >= minT)) {
    throw new MechcheckError("bad-generator-option", "publicGood: need 1 ≤ minAgents ≤ maxAgents and 1 ≤ minTypes ≤ maxTypes", { value: opts });
  }
  const maxCost = opts.maxCost ?? maxA * (opts.maxValue ?? 10);
  const den = q(BigInt(opts.valueDenominator ?? 1));
  // no chain: agents are array items (fewer agents keep the others' grids), grid sizes shrink in place
  return fc
    .tuple(fc.array(valueGridOfSize(minT, maxT, opts), { minLength: minA, maxLength: maxA }), fc.integer({ min: 0, max: maxCost }))
    .map(([grids, c]) => publicGoodEnvironment(grids, q(c).div(den), opts.costSharing ?? "equal-shares"));
}
