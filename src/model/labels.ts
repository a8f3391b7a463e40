/**
 * Readable labels of type profiles, as used in LP row names and tables: a profile θ of an
 * environment reads "(buyer=2, seller=1)", the others' profile k seen by agent i "buyer=2" (agents
 * and types by their labels in the environment).
 */
import { typeSizes, type Environment } from "./environment.ts";
import { othersSizes, profileAt } from "./profiles.ts";

/** "(buyer=2, seller=1)": profile index `theta` of `env`. */
export function profileLabel(env: Environment, theta: number): string {
  const prof = profileAt(typeSizes(env), theta);
  return `(${prof.map((k, j) => `${env.agents[j]}=${env.types[j]![k]}`).join(", ")})`;
}

/** "buyer=2, …": the others' profile index `k` as seen by agent i (agent i left out). */
export function othersLabel(env: Environment, i: number, k: number): string {
  const sizes = typeSizes(env);
  const os = profileAt(othersSizes(sizes, i), k);
  const parts: string[] = [];
  let c = 0;
  for (let j = 0; j < sizes.length; j++) if (j !== i) parts.push(`${env.agents[j]}=${env.types[j]![os[c++]!]}`);
  return parts.join(", ");
}
