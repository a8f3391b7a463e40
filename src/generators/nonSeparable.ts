/**
 * Non-separable environments ([BrooksExPost2023, *Example without separability* and *What goes wrong with
 * separability?*]: "if X_1 or X_2 is {a, b, c}, then we have flexibility, but we violate the
 * assumption that players' preferences only depend on the common outcome and their individual
 * outcome").
 *
 * Same shape as `separableEnvironment` (product outcomes, a product-form SCC with flexibility in
 * the private components), but preferences have externalities: u_i(x, θ) = ũ_i(x_0, x_i, θ) +
 * e_i(x_{i+1}, θ) (agent indices mod N). Agent 1's externality is guaranteed: e_1(x_2, θ) =
 * δ·[x_2 = second outcome] with δ ≥ 1, so u_1 depends on agent 2's private component and the
 * given product structure is not separable. Needs N ≥ 2 and |X_i| ≥ 2 (private sizes are drawn
 * in [2, maxPrivate]).
 */
import fc from "fast-check";
import type { Q } from "../exact/rational.ts";
import { q } from "../exact/rational.ts";
import { MechcheckError } from "../errors.ts";
import type { Environment } from "../model/environment.ts";
import { profileCount } from "../model/profiles.ts";
import { agentLabels, resolveSizes, typeLabels, valueArray, type SizeOptions } from "./options.ts";
import { productDims, productLabels, productOutcomes, productScc, type ProductOutcomes, type ProductScc } from "./productOutcomes.ts";

/** Options of `nonSeparableEnvironment`: SizeOptions and the largest public and private outcome components. */
export interface NonSeparableOptions extends SizeOptions {
  /** Most public outcomes |X_0| (default 2). */
  readonly maxPublic?: number;
  /** Most private outcomes |X_i| (default 2; at least 2). */
  readonly maxPrivate?: number;
}

/**
 * A generated non-separable environment (agent 1's utility depends on agent 2's private component)
 * with its product outcome set and a product-form social choice correspondence.
 */
export interface NonSeparableInstance extends ProductScc {
  readonly env: Environment;
  readonly outcomes: ProductOutcomes;
  /** The witness of non-separability: u_{agent} changes with `other`'s private component. */
  readonly externality: { readonly agent: number; readonly other: number; readonly delta: Q };
}

/**
 * An arbitrary of non-separable environments ([BrooksExPost2023, *Example without separability*]):
 * product outcomes and a product-form correspondence, but preferences with a guaranteed
 * externality, so the product structure is not separable. Two agents.
 */
export function nonSeparableEnvironment(opts: NonSeparableOptions = {}): fc.Arbitrary<NonSeparableInstance> {
  const s = resolveSizes(opts, { minAgents: 2, maxAgents: 2 });
  if (s.minAgents < 2) throw new MechcheckError("bad-generator-option", "nonSeparableEnvironment: needs at least 2 agents", { path: "minAgents" });
  const maxPrivate = Math.max(2, opts.maxPrivate ?? 2);
  return productDims(s, 2, maxPrivate, opts.maxPublic ?? 2).chain(({ agents, publicSize }) => {
    const typeCounts = agents.map(([m]) => m);
    const privateSizes = agents.map(([, x]) => x);
    const n = typeCounts.length;
    const P = profileCount(typeCounts);
    const o = productOutcomes(publicSize, privateSizes);
    const ownLen = typeCounts.map((_, i) => P * publicSize * privateSizes[i]!);
    const extLen = typeCounts.map((_, i) => (i === 0 ? 0 : P * privateSizes[(i + 1) % n]!)); // agent 1's externality is δ
    const total = ownLen.reduce((a, b) => a + b, 0) + extLen.reduce((a, b) => a + b, 0);
    const maxDelta = Math.max(1, s.maxValue);
    return fc.tuple(fc.integer({ min: 1, max: maxDelta }), valueArray(total, s), productScc(o, P)).map(([d, flat, scc]): NonSeparableInstance => {
      const delta = q(d).div(q(s.valueDenominator));
      let k = 0;
      const valuation = typeCounts.map((_, i) => {
        const j = (i + 1) % n;
        const own = Array.from({ length: P }, () => Array.from({ length: publicSize }, () => Array.from({ length: privateSizes[i]! }, () => flat[k++]!)));
        const ext = i === 0 ? [] : Array.from({ length: P }, () => Array.from({ length: privateSizes[j]! }, () => flat[k++]!));
        return own.map((tab, th) =>
          o.components.map((c) => {
            let u = tab[c[0]!]![c[1 + i]!]!;
            if (i === 0) u = c[1 + j] === 1 ? u.add(delta) : u; // the guaranteed externality
            else u = u.add(ext[th]![c[1 + j]!]!);
            return u;
          }),
        );
      });
      const env: Environment = {
        agents: agentLabels(n),
        types: typeCounts.map(typeLabels),
        decisions: productLabels(o),
        valuation,
      };
      return { env, outcomes: o, externality: { agent: 0, other: 1, delta }, ...scc };
    });
  });
}
