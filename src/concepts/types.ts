/**
 * Verdicts of solution concepts: exact, and data all the way down. A "holds" may carry a witness
 * (what was checked, the tightest slack); a "fails" carries a Violation — the agent, the true
 * type/profile, the deviation and the exact gain — which independent code can re-check by
 * recomputing two utilities from the tables. Rendering to words is separate (render.ts).
 *
 * Convention for every IC/IR violation: `gain` > 0 is what the agent gains by the deviation (or by
 * opting out, for IR): utility(deviation) − utility(truth), reservation − utility. When several
 * constraints fail, the reported one has the LARGEST gain; among equal gains, the first in
 * enumeration order (agent, then true profile/type index, then report index, then others' reports).
 */
import type { Q } from "../exact/rational.ts";

/**
 * A solution concept's exact verdict: "holds" with a witness of what was checked, or "fails" with a
 * violation that independent code can re-check.
 */
export type Verdict<W, V> = { readonly verdict: "holds"; readonly witness: W } | { readonly verdict: "fails"; readonly violation: V };

/** What a "holds" verdict of an inequality family checked: how many constraints, the tightest slack (null if none). */
export interface SlackWitness {
  readonly constraints: number;
  readonly minSlack: Q | null;
}

/** DSIC ([ChungEly2002, §2.2]): at true profile θ, with the others reporting r_{-i}, agent i gains by reporting `report` instead of θ_i. */
export interface DsicViolation {
  readonly code: "dsic";
  readonly agent: number;
  readonly trueProfile: readonly number[];
  /** The others' reports r_{-i}, as a full profile whose entry i is θ_i (the truthful report). */
  readonly othersReports: readonly number[];
  readonly report: number;
  readonly truthfulUtility: Q;
  readonly deviationUtility: Q;
  readonly gain: Q;
}

/** EPIC ([ChungEly2002, §2.2]; [BrooksExPost2023, *Implementation*]): at true profile θ, others truthful, agent i gains by reporting `report`. */
export interface EpicViolation {
  readonly code: "epic";
  readonly agent: number;
  readonly trueProfile: readonly number[];
  readonly report: number;
  readonly truthfulUtility: Q;
  readonly deviationUtility: Q;
  readonly gain: Q;
}

/** BIC ([ChungEly2002, Def 1]): type θ_i of agent i gains `gain` in interim expectation under `belief` by reporting `report`. */
export interface BicViolation {
  readonly code: "bic";
  readonly agent: number;
  readonly trueType: number;
  readonly report: number;
  /** The conditional belief π_i(θ_{-i} = k | θ_i) used, indexed by the others' profile (profiles.ts othersIndex). */
  readonly belief: readonly Q[];
  readonly truthfulUtility: Q;
  readonly deviationUtility: Q;
  readonly gain: Q;
}

/** Ex post IR ([ChungEly2002, Def 3]): at θ, agent i's utility falls short of the reservation level of θ_i by `gain`. */
export interface ExPostIrViolation {
  readonly code: "expost-ir";
  readonly agent: number;
  readonly trueProfile: readonly number[];
  readonly utility: Q;
  readonly reservation: Q;
  readonly gain: Q;
}

/** Interim IR ([ChungEly2002, Def 2]): type θ_i's interim utility falls short of its reservation level by `gain`. */
export interface InterimIrViolation {
  readonly code: "interim-ir";
  readonly agent: number;
  readonly trueType: number;
  readonly belief: readonly Q[];
  readonly utility: Q;
  readonly reservation: Q;
  readonly gain: Q;
}

/** Ex post budget balance fails at `profile`: Σ_i p_i(θ) = total ≠ 0 ([BernardMD3, §7]; [Mishra2020]). */
export interface BudgetBalanceViolation {
  readonly code: "budget-balance";
  readonly profile: readonly number[];
  readonly total: Q;
}

/** Ex ante budget balance fails: Σ_θ prior(θ) Σ_i p_i(θ) = expectedTotal ≠ 0. */
export interface ExAnteBudgetBalanceViolation {
  readonly code: "ex-ante-budget-balance";
  readonly expectedTotal: Q;
}

/** No deficit fails at `profile`: Σ_i p_i(θ) = total < 0 (the designer pays out −total). */
export interface NoDeficitViolation {
  readonly code: "no-deficit";
  readonly profile: readonly number[];
  readonly total: Q;
}

/** Ex post efficiency fails at `profile`: `decision` has probability > 0 but surplus below the maximum by `loss`. */
export interface EfficiencyViolation {
  readonly code: "efficiency";
  readonly profile: readonly number[];
  readonly decision: number;
  readonly probability: Q;
  readonly surplus: Q;
  readonly bestDecision: number;
  readonly bestSurplus: Q;
  readonly loss: Q;
}

/** Bayes Nash equilibrium fails: type t_i of agent i gains `gain` (interim, under its belief) by playing `action` for sure. */
export interface BneViolation {
  readonly code: "bne";
  readonly agent: number;
  readonly trueType: number;
  readonly action: number;
  readonly equilibriumUtility: Q;
  readonly deviationUtility: Q;
  readonly gain: Q;
}

/**
 * Every way a solution concept can fail, as data (a closed union keyed by `code`): the agent, the
 * true type or profile, the deviation and the exact gain.
 */
export type Violation =
  | DsicViolation
  | EpicViolation
  | BicViolation
  | ExPostIrViolation
  | InterimIrViolation
  | BudgetBalanceViolation
  | ExAnteBudgetBalanceViolation
  | NoDeficitViolation
  | EfficiencyViolation
  | BneViolation;

/** The closed list of violation codes, one per member of Violation (checked both ways at compile time). */
export const VIOLATION_CODES = ["dsic", "epic", "bic", "expost-ir", "interim-ir", "budget-balance", "ex-ante-budget-balance", "no-deficit", "efficiency", "bne"] as const satisfies readonly Violation["code"][];
/** The `code` of a Violation (the same list as VIOLATION_CODES). */
export type ViolationCode = Violation["code"];
// Every member's code is listed: this line fails to compile when a Violation is added without its code.
const _everyCodeListed: readonly ViolationCode[] extends readonly (typeof VIOLATION_CODES)[number][] ? true : never = true;
void _everyCodeListed;
