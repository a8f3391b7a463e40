/**
 * Separable environments in Bergemann–Morris (2005)'s sense ([BrooksExPost2023, *Separable environments*]):
 * X = X_0 × Π_i X_i, u_i(x, θ) = ũ_i(x_0, x_i, θ), and F(θ) = {f_0(θ)} × Π_i F_i(θ) with
 * f_0 : Θ → X_0 and F_i : Θ → 2^{X_i} \ ∅. X_0 is the public component, X_i agent i's private one.
 */
import fc from "fast-check";
import type { Q } from "../exact/rational.ts";
import type { Environment } from "../model/environment.ts";
import { allProfiles, profileCount } from "../model/profiles.ts";
import { agentLabels, resolveSizes, typeLabels, valueArray, type SizeOptions } from "./options.ts";
import { productDims, productLabels, productOutcomes, productScc, type ProductOutcomes, type ProductScc } from "./productOutcomes.ts";

/**
 * Options of `separableEnvironment` ([BrooksExPost2023, *Separable environments*]): SizeOptions and
 * the sizes of the public and private outcome components.
 */
export interface SeparableOptions extends SizeOptions {
  /** Most public outcomes |X_0| (default 2). */
  readonly maxPublic?: number;
  /** Most private outcomes |X_i| per agent (default 2). */
  readonly maxPrivate?: number;
  /** ũ_i depends on θ_i only (default false: interdependent, as BM allow). */
  readonly privateValues?: boolean;
}

/** A generated separable environment with its product outcome set and a product-form social choice correspondence. */
export interface SeparableInstance extends ProductScc {
  readonly env: Environment;
  readonly outcomes: ProductOutcomes;
  /** reduced[i][θ][x_0][x_i] = ũ_i(x_0, x_i, θ); env.valuation[i][θ][d] = reduced[i][θ][x_0(d)][x_i(d)]. */
  readonly reduced: readonly (readonly (readonly (readonly Q[])[])[])[];
}

/**
 * A random separable environment with a separable SCC. Decisions are the product outcomes
 * (|X_0|·Π|X_i| of them; `maxDecisions` is not used), labelled "a|x1|y2". Default 1–2 agents with
 * up to 3 types (`maxAgents` 3 allowed: up to 2·2³ = 16 decisions).
 */
export function separableEnvironment(opts: SeparableOptions = {}): fc.Arbitrary<SeparableInstance> {
  const s = resolveSizes(opts, { maxAgents: 2 });
  return productDims(s, 1, opts.maxPrivate ?? 2, opts.maxPublic ?? 2).chain(({ agents, publicSize }) => {
    const typeCounts = agents.map(([m]) => m);
    const privateSizes = agents.map(([, x]) => x);
    const P = profileCount(typeCounts);
    const o = productOutcomes(publicSize, privateSizes);
    // ũ tables: per agent, per (own type | profile), |X_0|·|X_i| values
    const rowsPerAgent = typeCounts.map((m) => (opts.privateValues ? m : P));
    const lens = rowsPerAgent.map((r, i) => r * publicSize * privateSizes[i]!);
    const total = lens.reduce((a, b) => a + b, 0);
    return fc.tuple(valueArray(total, s), productScc(o, P)).map(([flat, scc]): SeparableInstance => {
      const profiles = [...allProfiles(typeCounts)];
      let k = 0;
      const reduced = typeCounts.map((_, i) => {
        const rows = Array.from({ length: rowsPerAgent[i]! }, () =>
          Array.from({ length: publicSize }, () => Array.from({ length: privateSizes[i]! }, () => flat[k++]!)),
        );
        return opts.privateValues ? profiles.map((p) => rows[p[i]!]!) : rows;
      });
      const env: Environment = {
        agents: agentLabels(typeCounts.length),
        types: typeCounts.map(typeLabels),
        decisions: productLabels(o),
        valuation: reduced.map((byTheta, i) => byTheta.map((tab) => o.components.map((c) => tab[c[0]!]![c[1 + i]!]!))),
      };
      return { env, outcomes: o, reduced, ...scc };
    });
  });
}

