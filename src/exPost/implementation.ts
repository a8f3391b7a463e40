/**
 * Ex post implementation of a social choice correspondence, decided exactly ([BrooksExPost2023,
 * *Implementation*, *Robustness of ex post implementation*, *Separable environments*]).
 *
 * F : Θ → 2^X \ ∅ is ex post implementable if there is a selection f (f(θ) ∈ F(θ) for all θ) that
 * is EPIC. Two readings of "outcome", both exact:
 *  - `mode: "none"` — BM's setting: outcomes are the decisions X, no money; EPIC is
 *    u_i(f(θ), θ) ≥ u_i(f(θ'_i, θ_{-i}), θ) for all i, θ, θ'_i.
 *  - `mode: "transfers"` — quasilinear: an outcome is a decision and payments p_i(θ) (paid BY i,
 *    free, not restricted by F). EPIC: v_i(f(θ), θ) − p_i(θ) ≥ v_i(f(θ'_i, θ_{-i}), θ) − p_i(θ'_i, θ_{-i}).
 *    (Money is then part of every agent's private component X_i × ℝ, so separability in BM's
 *    sense is preserved.)
 *
 * Both conditions decompose into *sections* (i, θ_{-i}): the constraints of agent i at θ_{-i} only
 * involve the decisions f(·, θ_{-i}) and the payments p_i(·, θ_{-i}). With the others' profile fixed
 * at index o, write w(a → b) = v_i(f(b, o), (a, o)) − v_i(f(a, o), (a, o)), the gain of type a
 * from reporting b. Then:
 *  - "none": the section is EPIC iff every w(a → b) ≤ 0;
 *  - "transfers": payments exist iff the deviation graph has no cycle of positive total weight
 *    (Rochet's cyclical monotonicity, [ChungEly2002, Lemma 1]; difference constraints
 *    p(b) − p(a) ≥ w(a → b)), and then p(b) = the longest path weight to b (from any start, at
 *    weight 0) is a solution.
 * The section of agent i at θ_{-i} is exactly the mechanism on BM's test KPT type space
 * T_i = Θ_i, T_j = {θ_j} ([BrooksExPost2023, *Separable environments* proof]): agent i knows θ_{-i}, the
 * others have one type each and no constraint (see exPostKpt.ts for the literal type space).
 *
 * The search over selections is a backtracking search over profiles in index order, pruning a
 * partial selection as soon as one section restricted to its assigned cells violates its
 * condition (a positive edge, or a positive cycle among assigned cells — a positive cycle on a
 * subset is a positive cycle of the whole graph). It is complete: "none" means every selection was
 * refuted. `bruteForceExPostImplementable` is an independent reference (enumerate every selection
 * and ask src/concepts isEPIC, or the exact transfers LP), used to cross-check.
 */
import { InternalError, MechcheckError } from "../errors.ts";
import { type Q, ZERO, qstr } from "../exact/rational.ts";
import type { DirectMechanism, Environment, SocialChoiceCorrespondence } from "../model/environment.ts";
import { numProfiles, pointMassAllocation, typeSizes } from "../model/environment.ts";
import { joinProfile, othersIndex, othersSizes, profileAt, profileCount, profileIndex } from "../model/profiles.ts";
import { isEPIC } from "../concepts/index.ts";
import { epicTransfersLp } from "../concepts/transfers.ts";
import { solve } from "../lp/solve.ts";

/**
 * How ex post implementation reads "outcome" ([BrooksExPost2023, *Implementation*]): "none"
 * (decisions only, no money) or "transfers" (quasilinear, payments free).
 */
export type TransferMode = "none" | "transfers";

// ---------------------------------------------------------------- sections

/** Profile index of (own type a for agent i, others' profile index o). */
export function sectionProfile(sizes: readonly number[], i: number, a: number, o: number): number {
  return profileIndex(sizes, joinProfile(sizes, i, a, o));
}

/** Gain of agent i of true type a (others at o) from reporting b when the section's decisions are da (at a) and db (at b). */
export function sectionGain(env: Environment, i: number, o: number, a: number, da: number, db: number): Q {
  const v = env.valuation[i]![sectionProfile(typeSizes(env), i, a, o)]!;
  return v[db]!.sub(v[da]!);
}

/** A cycle of deviations a_0 → a_1 → … → a_{k−1} → a_0 (own types of agent i) and its total gain. */
export interface DeviationCycle {
  readonly types: readonly number[];
  readonly total: Q;
}

/**
 * The first cycle of positive total weight among the nodes with `choice[a] !== undefined`, or null.
 * Enumerates simple cycles by DFS from each start node (only through larger nodes), so every simple
 * cycle is seen once; fine for the small type sets used here (|Θ_i| ≤ 6).
 */
export function positiveCycle(weight: (a: number, b: number) => Q, nodes: readonly number[]): DeviationCycle | null {
  const m = nodes.length;
  for (let s = 0; s < m; s++) {
    const path = [s];
    const onPath = new Set([s]);
    const found = dfs(s, ZERO);
    if (found) return found;
    function dfs(u: number, acc: Q): DeviationCycle | null {
      for (let v = s; v < m; v++) {
        if (v === s && path.length >= 2) {
          const tot = acc.add(weight(nodes[u]!, nodes[s]!));
          if (tot.compare(ZERO) > 0) return { types: path.map((k) => nodes[k]!), total: tot };
          continue;
        }
        if (v === s || onPath.has(v)) continue;
        path.push(v);
        onPath.add(v);
        const r = dfs(v, acc.add(weight(nodes[u]!, nodes[v]!)));
        if (r) return r;
        path.pop();
        onPath.delete(v);
      }
      return null;
    }
  }
  return null;
}

/**
 * Payments making a section EPIC, given no positive cycle: p(b) = max(0, max over paths ending at b
 * of their weight), by m rounds of relaxation (Bellman–Ford in the max-plus semiring). Satisfies
 * p(b) − p(a) ≥ w(a → b) for all a ≠ b.
 */
export function sectionPotentials(weight: (a: number, b: number) => Q, m: number): Q[] {
  const p = new Array<Q>(m).fill(ZERO);
  for (let round = 0; round < m; round++) {
    let changed = false;
    for (let a = 0; a < m; a++) {
      for (let b = 0; b < m; b++) {
        if (a === b) continue;
        const c = p[a]!.add(weight(a, b));
        if (c.compare(p[b]!) > 0) {
          p[b] = c;
          changed = true;
        }
      }
    }
    if (!changed) return p;
  }
  // one more pass must change nothing (no positive cycle); otherwise the caller's premise is false
  for (let a = 0; a < m; a++) for (let b = 0; b < m; b++) if (a !== b && p[a]!.add(weight(a, b)).compare(p[b]!) > 0) {
    throw new InternalError("sectionPotentials: a positive cycle exists (no potentials)");
  }
  return p;
}

/** Why one candidate section selection fails. */
export type SectionFailure =
  | { readonly kind: "deviation"; readonly trueType: number; readonly report: number; readonly gain: Q }
  | { readonly kind: "cycle"; readonly cycle: DeviationCycle };

/** Check one complete section selection (choices[a] = decision at own type a). */
export function sectionFailure(env: Environment, i: number, o: number, choices: readonly number[], mode: TransferMode): SectionFailure | null {
  const m = choices.length;
  const w = (a: number, b: number) => sectionGain(env, i, o, a, choices[a]!, choices[b]!);
  if (mode === "none") {
    for (let a = 0; a < m; a++) for (let b = 0; b < m; b++) {
      if (a === b) continue;
      const g = w(a, b);
      if (g.compare(ZERO) > 0) return { kind: "deviation", trueType: a, report: b, gain: g };
    }
    return null;
  }
  const c = positiveCycle(w, Array.from({ length: m }, (_, k) => k));
  return c ? { kind: "cycle", cycle: c } : null;
}

/**
 * An EPIC selection on one section (agent i, others' profile θ_{-i}): the decision chosen at each
 * own type and, in mode "transfers", the payments.
 */
export interface SectionSolution {
  readonly agent: number;
  /** Index of θ_{-i} among the others' profiles. */
  readonly others: number;
  /** choices[a] ∈ F(a, θ_{-i}): the decision at own type a. */
  readonly choices: readonly number[];
  /** payments[a] paid by agent i at own type a (all zero in mode "none"). */
  readonly payments: readonly Q[];
}

/** Proof that no section selection exists: every candidate, with why it fails. */
export interface SectionRefutation {
  readonly agent: number;
  readonly others: number;
  readonly candidates: readonly { readonly choices: readonly number[]; readonly failure: SectionFailure }[];
}

/** One section's exact verdict: a solution, or a refutation listing every candidate selection and why it fails. */
export type SectionVerdict = { readonly ok: true; readonly solution: SectionSolution } | { readonly ok: false; readonly refutation: SectionRefutation };

function* product(domains: readonly (readonly number[])[]): Generator<number[]> {
  const idx = domains.map(() => 0);
  if (domains.some((d) => d.length === 0)) return;
  for (;;) {
    yield idx.map((k, j) => domains[j]![k]!);
    let j = domains.length - 1;
    while (j >= 0 && ++idx[j]! === domains[j]!.length) idx[j--] = 0;
    if (j < 0) return;
  }
}

/**
 * Decide the section (i, θ_{-i}) — equivalently F's implementability on BM's test type space — by
 * enumerating every section selection (Π_a |F(a, θ_{-i})| of them). The first that works is
 * returned with payments; if none does, the list of all candidates with their failures is the proof.
 */
export function solveSection(env: Environment, scc: SocialChoiceCorrespondence, i: number, o: number, mode: TransferMode): SectionVerdict {
  const sizes = typeSizes(env);
  const m = sizes[i]!;
  const domains = Array.from({ length: m }, (_, a) => scc.sets[sectionProfile(sizes, i, a, o)]!);
  const candidates: { choices: number[]; failure: SectionFailure }[] = [];
  for (const choices of product(domains)) {
    const f = sectionFailure(env, i, o, choices, mode);
    if (f === null) {
      const payments = mode === "none" ? choices.map(() => ZERO) : sectionPotentials((a, b) => sectionGain(env, i, o, a, choices[a]!, choices[b]!), m);
      return { ok: true, solution: { agent: i, others: o, choices, payments } };
    }
    candidates.push({ choices, failure: f });
  }
  return { ok: false, refutation: { agent: i, others: o, candidates } };
}

/** Every section: solutions[i][o], or the first refuted one. */
export type TestSpacesVerdict =
  | { readonly ok: true; readonly solutions: readonly (readonly SectionSolution[])[] }
  | { readonly ok: false; readonly refutation: SectionRefutation };

/**
 * Solve every section (i, θ_{-i}) of a social choice correspondence on BM's test type spaces
 * ([BrooksExPost2023, *Separable environments*]): a solution for each, or the first refuted
 * section, exactly.
 */
export function solveAllSections(env: Environment, scc: SocialChoiceCorrespondence, mode: TransferMode): TestSpacesVerdict {
  const sizes = typeSizes(env);
  const solutions: SectionSolution[][] = [];
  for (let i = 0; i < sizes.length; i++) {
    const row: SectionSolution[] = [];
    for (let o = 0; o < profileCount(othersSizes(sizes, i)); o++) {
      const v = solveSection(env, scc, i, o, mode);
      if (!v.ok) return { ok: false, refutation: v.refutation };
      row.push(v.solution);
    }
    solutions.push(row);
  }
  return { ok: true, solutions };
}

// ---------------------------------------------------------------- the global search

/** A selection of a social choice correspondence, rule[θ] ∈ F(θ), with its payments (zero in mode "none"). */
export interface ExPostSelection {
  /** rule[θ] ∈ F(θ). */
  readonly rule: readonly number[];
  /** payments[θ][i] (zero in mode "none"). */
  readonly payments: readonly (readonly Q[])[];
}

/**
 * Whether a social choice correspondence is ex post implementable ([BrooksExPost2023,
 * *Implementation*]), decided by exhaustive search: an EPIC selection, or none; with the number of
 * search nodes.
 */
export type ExPostVerdict =
  | { readonly implementable: true; readonly selection: ExPostSelection; readonly nodes: number }
  | { readonly implementable: false; readonly nodes: number };

/** The direct mechanism of a selection (point-mass allocation, its payments). */
export function selectionMechanism(env: Environment, sel: ExPostSelection): DirectMechanism {
  return { kind: "direct", allocation: pointMassAllocation(env, sel.rule), payments: sel.payments.map((r) => r.slice()) };
}

/** Payments for an EPIC-able rule (mode "transfers"): per-section potentials. */
export function sectionPayments(env: Environment, rule: readonly number[]): Q[][] {
  const sizes = typeSizes(env);
  const P = numProfiles(env);
  const pay: Q[][] = Array.from({ length: P }, () => sizes.map(() => ZERO));
  for (let i = 0; i < sizes.length; i++) {
    for (let o = 0; o < profileCount(othersSizes(sizes, i)); o++) {
      const cells = Array.from({ length: sizes[i]! }, (_, a) => sectionProfile(sizes, i, a, o));
      const p = sectionPotentials((a, b) => sectionGain(env, i, o, a, rule[cells[a]!]!, rule[cells[b]!]!), sizes[i]!);
      cells.forEach((th, a) => (pay[th]![i] = p[a]!));
    }
  }
  return pay;
}

/**
 * Exact decision of ex post implementability by backtracking (module comment). `maxNodes` bounds
 * the search (a MechcheckError "search-limit" is thrown beyond it, never a wrong verdict).
 */
export function findExPostSelection(env: Environment, scc: SocialChoiceCorrespondence, mode: TransferMode, maxNodes = 2_000_000): ExPostVerdict {
  const sizes = typeSizes(env);
  const P = numProfiles(env);
  const n = sizes.length;
  if (scc.sets.length !== P) throw new MechcheckError("dimension", `SCC: expected ${P} sets, got ${scc.sets.length}`);
  const profiles = Array.from({ length: P }, (_, th) => profileAt(sizes, th));
  const rule = new Array<number>(P).fill(-1);
  let nodes = 0;
  // sectionCells[i][θ] = cells of θ's section for agent i (own type order)
  const sectionOf = profiles.map((prof) => sizes.map((m, i) => Array.from({ length: m }, (_, a) => profileIndex(sizes, prof.map((x, j) => (j === i ? a : x))))));

  function consistent(th: number): boolean {
    const prof = profiles[th]!;
    for (let i = 0; i < n; i++) {
      const cells = sectionOf[th]![i]!;
      const o = othersIndex(sizes, prof, i);
      const a0 = prof[i]!;
      if (mode === "none") {
        const d0 = rule[th]!;
        for (let b = 0; b < cells.length; b++) {
          if (b === a0 || rule[cells[b]!]! < 0) continue;
          const db = rule[cells[b]!]!;
          if (sectionGain(env, i, o, a0, d0, db).compare(ZERO) > 0) return false;
          if (sectionGain(env, i, o, b, db, d0).compare(ZERO) > 0) return false;
        }
      } else {
        const assigned = cells.map((c, a) => (rule[c]! >= 0 ? a : -1)).filter((a) => a >= 0);
        if (assigned.length < 2) continue;
        const w = (a: number, b: number) => sectionGain(env, i, o, a, rule[cells[a]!]!, rule[cells[b]!]!);
        if (positiveCycle(w, assigned) !== null) return false;
      }
    }
    return true;
  }

  function go(th: number): boolean {
    if (th === P) return true;
    for (const d of scc.sets[th]!) {
      if (++nodes > maxNodes) throw new MechcheckError("search-limit", `findExPostSelection: more than ${maxNodes} nodes`);
      rule[th] = d;
      if (consistent(th) && go(th + 1)) return true;
    }
    rule[th] = -1;
    return false;
  }

  if (!go(0)) return { implementable: false, nodes };
  const payments = mode === "none" ? rule.map(() => sizes.map(() => ZERO)) : sectionPayments(env, rule);
  return { implementable: true, selection: { rule: rule.slice(), payments }, nodes };
}

/** Π_θ |F(θ)|, the number of selections (as a bigint: it can be large). */
export function selectionCount(scc: SocialChoiceCorrespondence): bigint {
  let c = 1n;
  for (const s of scc.sets) c *= BigInt(s.length);
  return c;
}

/**
 * Reference decision by enumeration, independent of the search and of the section decomposition:
 * every selection is tested with src/concepts isEPIC (mode "none", zero payments) or with the exact
 * transfers LP of src/concepts/transfers.ts solved by src/lp (mode "transfers"). Returns null when
 * there are more than `limit` selections.
 */
export function bruteForceExPostImplementable(env: Environment, scc: SocialChoiceCorrespondence, mode: TransferMode, limit = 4096): { implementable: boolean; firstRule: number[] | null; selections: number } | null {
  const count = selectionCount(scc);
  if (count > BigInt(limit)) return null;
  const P = numProfiles(env);
  const zeros = Array.from({ length: P }, () => env.agents.map(() => ZERO));
  let k = 0;
  for (const rule of product(scc.sets)) {
    k++;
    let ok: boolean;
    if (mode === "none") {
      ok = isEPIC(env, { kind: "direct", allocation: pointMassAllocation(env, rule), payments: zeros }).verdict === "holds";
    } else {
      ok = solve(epicTransfersLp(env, rule).model, { exactOnly: true }).status === "optimal";
    }
    if (ok) return { implementable: true, firstRule: rule, selections: k };
  }
  return { implementable: false, firstRule: null, selections: k };
}

// ---------------------------------------------------------------- readable proofs (mode "none")

/** One step of an arc-consistency refutation: decision d is removed from F(θ) because of `because`. */
export interface PropagationStep {
  readonly profile: readonly number[];
  readonly removed: number;
  /** The constraint: agent i, section partner profile, and that every remaining choice there makes d fail. */
  readonly agent: number;
  readonly partner: readonly number[];
  readonly partnerChoices: readonly number[];
}

/**
 * Arc consistency on the pairwise EPIC constraints (mode "none"): remove d from the domain of θ
 * when, for some agent i and some θ' in θ's section, every remaining choice d' at θ' is
 * incompatible with d (i of type θ_i gains from reporting θ'_i, or of type θ'_i from reporting θ_i).
 * Returns the log and the final domains; a wiped-out domain is a proof of non-implementability
 * (each step is sound: any EPIC selection picks from the reduced domains).
 */
export function propagate(env: Environment, scc: SocialChoiceCorrespondence): { steps: PropagationStep[]; domains: number[][]; wipedOut: readonly number[] | null } {
  const sizes = typeSizes(env);
  const P = numProfiles(env);
  const domains = scc.sets.map((s) => s.slice());
  const steps: PropagationStep[] = [];
  const compatible = (i: number, th: number, d: number, th2: number, d2: number): boolean => {
    const prof = profileAt(sizes, th);
    const prof2 = profileAt(sizes, th2);
    const o = othersIndex(sizes, prof, i);
    return sectionGain(env, i, o, prof[i]!, d, d2).compare(ZERO) <= 0 && sectionGain(env, i, o, prof2[i]!, d2, d).compare(ZERO) <= 0;
  };
  let changed = true;
  while (changed) {
    changed = false;
    for (let th = 0; th < P; th++) {
      const prof = profileAt(sizes, th);
      for (let i = 0; i < sizes.length; i++) {
        for (let a = 0; a < sizes[i]!; a++) {
          if (a === prof[i]) continue;
          const th2 = profileIndex(sizes, prof.map((x, j) => (j === i ? a : x)));
          for (const d of domains[th]!.slice()) {
            if (domains[th2]!.some((d2) => compatible(i, th, d, th2, d2))) continue;
            domains[th] = domains[th]!.filter((x) => x !== d);
            steps.push({ profile: prof, removed: d, agent: i, partner: profileAt(sizes, th2), partnerChoices: domains[th2]!.slice() });
            changed = true;
            if (domains[th]!.length === 0) return { steps, domains, wipedOut: prof };
          }
        }
      }
    }
  }
  return { steps, domains, wipedOut: null };
}

/** A propagation step in words (labels of the environment). */
export function describeStep(env: Environment, s: PropagationStep): string {
  const key = (p: readonly number[]) => "(" + p.map((k, j) => env.types[j]![k]!).join(", ") + ")";
  const dec = (ds: readonly number[]) => "{" + ds.map((d) => env.decisions[d]!).join(", ") + "}";
  return `remove ${env.decisions[s.removed]!} at ${key(s.profile)}: agent ${env.agents[s.agent]!} would deviate between ${key(s.profile)} and ${key(s.partner)} against every remaining choice ${dec(s.partnerChoices)} there`;
}

/** Display helper for certificates: a selection as labels. */
export function selectionLabels(env: Environment, rule: readonly number[], payments?: readonly (readonly Q[])[]): Record<string, string> {
  const sizes = typeSizes(env);
  const out: Record<string, string> = {};
  for (let th = 0; th < rule.length; th++) {
    const key = profileAt(sizes, th).map((k, j) => env.types[j]![k]!).join(",");
    out[key] = env.decisions[rule[th]!]! + (payments && payments[th]!.some((p) => p.n !== 0n) ? ` p=(${payments[th]!.map(qstr).join(", ")})` : "");
  }
  return out;
}
