/**
 * An instance (environment, beliefs, mechanism) as tables: valuations per agent (keyed by own type
 * under private values, by profile otherwise), the prior, and the mechanism (lottery and payments
 * per report profile). Exact numbers as fractions.
 */
import { qstr } from "../exact/rational.ts";
import { hasPrivateValues } from "../concepts/incentives.ts";
import type { Instance } from "../instance/types.ts";
import { numProfiles, typeSizes } from "../model/environment.ts";
import { allProfiles, profileIndex } from "../model/profiles.ts";
import type { Table } from "../format/table.ts";

function profileLabel(types: readonly (readonly string[])[], prof: readonly number[]): string {
  return `(${prof.map((k, i) => types[i]![k]).join(", ")})`;
}

export function instanceTables(inst: Instance): Table[] {
  const env = inst.environment;
  const sizes = typeSizes(env);
  const profiles = [...allProfiles(sizes)];
  const out: Table[] = [];
  const pv = hasPrivateValues(env);
  env.agents.forEach((agent, i) => {
    if (pv) {
      out.push({
        caption: `Valuations of agent ${agent}: v(decision, own type)`,
        headers: ["type", ...env.decisions],
        rows: env.types[i]!.map((label, k) => {
          const th = profileIndex(sizes, sizes.map((_, j) => (j === i ? k : 0)));
          return [label, ...env.valuation[i]![th]!.map(qstr)];
        }),
      });
    } else {
      out.push({
        caption: `Valuations of agent ${agent}: v(decision, type profile)`,
        headers: ["profile", ...env.decisions],
        rows: profiles.map((p) => [profileLabel(env.types, p), ...env.valuation[i]![profileIndex(sizes, p)]!.map(qstr)]),
      });
    }
  });
  if (env.reservation) {
    out.push({ caption: "Reservation utilities (IR levels)", headers: ["agent", "type", "level"], rows: env.agents.flatMap((a, i) => env.types[i]!.map((t, k) => [a, t, qstr(env.reservation![i]![k]!)])) });
  }
  const b = inst.beliefs;
  if (b?.kind === "common-prior") {
    out.push({ caption: "Common prior", headers: ["profile", "probability"], rows: profiles.map((p) => [profileLabel(env.types, p), qstr(b.prior[profileIndex(sizes, p)]!)]) });
  } else if (b?.kind === "per-type") {
    env.agents.forEach((agent, i) => {
      const others = env.types.filter((_, j) => j !== i);
      const otherProfiles = [...allProfiles(others.map((t) => t.length))];
      out.push({
        caption: `Beliefs of agent ${agent} about the others`,
        headers: ["type", ...otherProfiles.map((p) => profileLabel(others, p))],
        rows: env.types[i]!.map((label, k) => [label, ...b.beliefs[i]![k]!.map(qstr)]),
      });
    });
  }
  const m = inst.mechanism;
  if (m?.kind === "direct") {
    out.push({
      caption: "Mechanism: probability of each decision and payment by each agent, per report profile",
      headers: ["reports", ...env.decisions.map((d) => `P(${d})`), ...env.agents.map((a) => `pays ${a}`)],
      rows: Array.from({ length: numProfiles(env) }, (_, r) => [profileLabel(env.types, profiles[r]!), ...m.allocation[r]!.map(qstr), ...m.payments[r]!.map(qstr)]),
    });
  }
  return out;
}
