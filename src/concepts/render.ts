/**
 * Violations in words, with the environment's labels and exact numbers: the ONE renderer of the
 * closed Violation union (types.ts; a new code that is not rendered here does not compile). Pure
 * text; the data is the Violation itself.
 */
import { type Q, qstr } from "../exact/rational.ts";
import type { Environment, HarsanyiTypeSpace, IndirectMechanism } from "../model/environment.ts";
import { typeSizes } from "../model/environment.ts";
import { othersSizes, profileAt } from "../model/profiles.ts";
import type { Violation } from "./types.ts";
import { assertNever } from "../errors.ts";

const lbl = (s: string) => JSON.stringify(s);

function typeLabel(env: Environment, i: number, t: number): string {
  return lbl(env.types[i]![t]!);
}

/** ("3", "1") — a profile of type labels, in agent order, optionally without agent i. */
function profileText(env: Environment, prof: readonly number[], skip = -1): string {
  const parts = prof.flatMap((t, j) => (j === skip ? [] : [typeLabel(env, j, t)]));
  return `(${parts.join(", ")})`;
}

function beliefText(env: Environment, i: number, belief: readonly Q[]): string {
  const osz = othersSizes(typeSizes(env), i);
  const parts: string[] = [];
  belief.forEach((w, k) => {
    if (w.n === 0n) return;
    const others = profileAt(osz, k);
    const labels = others.map((t, idx) => {
      const j = idx >= i ? idx + 1 : idx;
      return lbl(env.types[j]![t]!);
    });
    parts.push(`(${labels.join(", ")}) w.p. ${qstr(w)}`);
  });
  return parts.join(", ");
}

/**
 * What `describeViolation` needs beyond the environment for a "bne" violation: the type space (type
 * labels) and the indirect mechanism (action labels).
 */
export interface RenderContext {
  /** For "bne" violations: the type space (type labels) and the indirect mechanism (action labels). */
  readonly typeSpace?: HarsanyiTypeSpace;
  readonly mechanism?: IndirectMechanism;
}

/**
 * A violation in words, with the environment's labels and exact numbers (one line of text); the
 * data stays in the Violation.
 */
export function describeViolation(env: Environment, v: Violation, ctx: RenderContext = {}): string {
  const agent = (i: number) => `agent ${lbl(env.agents[i]!)}`;
  switch (v.code) {
    case "dsic": {
      const i = v.agent;
      const n = env.agents.length;
      const others = n > 1 ? ` when the others report ${profileText(env, v.othersReports, i)}` : "";
      const state = n > 1 && !sameOthers(v.trueProfile, v.othersReports, i) ? ` (true profile ${profileText(env, v.trueProfile)})` : "";
      return `${agent(i)} of type ${typeLabel(env, i, v.trueProfile[i]!)} gains ${qstr(v.gain)} by reporting ${typeLabel(env, i, v.report)}${others}${state}: utility ${qstr(v.deviationUtility)} instead of ${qstr(v.truthfulUtility)}`;
    }
    case "epic": {
      const i = v.agent;
      const others = env.agents.length > 1 ? ` when the others truthfully report ${profileText(env, v.trueProfile, i)}` : "";
      return `${agent(i)} of type ${typeLabel(env, i, v.trueProfile[i]!)} gains ${qstr(v.gain)} by reporting ${typeLabel(env, i, v.report)}${others}: utility ${qstr(v.deviationUtility)} instead of ${qstr(v.truthfulUtility)}`;
    }
    case "bic": {
      const i = v.agent;
      const b = env.agents.length > 1 ? ` (belief about the others: ${beliefText(env, i, v.belief)})` : "";
      return `${agent(i)} of type ${typeLabel(env, i, v.trueType)} gains ${qstr(v.gain)} in interim expectation by reporting ${typeLabel(env, i, v.report)}: expected utility ${qstr(v.deviationUtility)} instead of ${qstr(v.truthfulUtility)}${b}`;
    }
    case "expost-ir":
      return `${agent(v.agent)} at type profile ${profileText(env, v.trueProfile)} gets utility ${qstr(v.utility)}, below its reservation level ${qstr(v.reservation)} by ${qstr(v.gain)}`;
    case "interim-ir":
      return `${agent(v.agent)} of type ${typeLabel(env, v.agent, v.trueType)} expects utility ${qstr(v.utility)}, below its reservation level ${qstr(v.reservation)} by ${qstr(v.gain)}`;
    case "budget-balance":
      return `at reports ${profileText(env, v.profile)} the payments sum to ${qstr(v.total)}, not 0`;
    case "ex-ante-budget-balance":
      return `the expected sum of payments is ${qstr(v.expectedTotal)}, not 0`;
    case "no-deficit":
      return `at reports ${profileText(env, v.profile)} the payments sum to ${qstr(v.total)}: a deficit of ${qstr(v.total.neg())}`;
    case "efficiency":
      return `at type profile ${profileText(env, v.profile)} decision ${lbl(env.decisions[v.decision]!)} (probability ${qstr(v.probability)}) has surplus ${qstr(v.surplus)}, below the maximum ${qstr(v.bestSurplus)} of ${lbl(env.decisions[v.bestDecision]!)} by ${qstr(v.loss)}`;
    case "bne": {
      const t = ctx.typeSpace?.types[v.agent]?.[v.trueType] ?? String(v.trueType);
      const a = ctx.mechanism?.actions[v.agent]?.[v.action] ?? String(v.action);
      return `${agent(v.agent)} of type ${lbl(t)} gains ${qstr(v.gain)} by playing ${lbl(a)}: expected utility ${qstr(v.deviationUtility)} instead of ${qstr(v.equilibriumUtility)}`;
    }
    default:
      return assertNever(v, "violation");
  }
}

function sameOthers(a: readonly number[], b: readonly number[], i: number): boolean {
  return a.every((x, j) => j === i || x === b[j]);
}
