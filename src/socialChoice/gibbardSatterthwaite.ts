/**
 * [Gibbard1973] and [Satterthwaite1975] on a small domain, decided by SAT as the social-choice
 * provers do: with 3 alternatives and n voters with strict preferences, there is no social choice
 * function that is strategy-proof, onto and non-dictatorial. The variables are x(p, a) ("at profile p
 * the outcome is a"); the clauses say: one outcome per profile, every alternative is chosen somewhere
 * (onto), no voter gains by a misreport (strategy-proofness), and no voter is a dictator. The
 * formula is handed to an npm SAT solver (logic-solver, MiniSat compiled to JavaScript); its UNSAT
 * answer is reduced to a small core by chunked deletion (each step re-solved) and the core is
 * re-checked UNSAT by an independent DPLL written here, so nothing rests on the solver alone.
 */
import { createRequire } from "node:module";

/**
 * A literal of the Gibbard–Satterthwaite formula: a variable x(p, a) ("at profile p the outcome is
 * a") and its sign.
 */
export type Lit = readonly [variable: string, positive: boolean];
/**
 * A clause of the Gibbard–Satterthwaite formula ([Gibbard1973]; [Satterthwaite1975]): which
 * constraint it encodes (one outcome per profile, onto, strategy-proof, non-dictatorial), its
 * literals and the constraint in words.
 */
export interface Clause {
  readonly kind: "at-least-one" | "at-most-one" | "onto" | "strategy-proof" | "non-dictatorial";
  readonly lits: readonly Lit[];
  /** The constraint in words. */
  readonly text: string;
}

const ALTS = ["a", "b", "c"] as const;
/** The 6 strict rankings of a, b, c, best first. */
export const RANKINGS: readonly string[] = ["abc", "acb", "bac", "bca", "cab", "cba"];

function profiles(n: number): string[][] {
  let out: string[][] = [[]];
  for (let i = 0; i < n; i++) out = out.flatMap((p) => RANKINGS.map((r) => [...p, r]));
  return out;
}

const key = (p: readonly string[]) => p.join(",");
const v = (p: readonly string[], a: string) => `f(${key(p)})=${a}`;
const prefers = (r: string, x: string, y: string) => r.indexOf(x) < r.indexOf(y);

/** The CNF of "strategy-proof, onto, non-dictatorial SCF" for 3 alternatives and n voters. */
export function gsFormula(n: number): Clause[] {
  const ps = profiles(n);
  const cs: Clause[] = [];
  for (const p of ps) {
    cs.push({ kind: "at-least-one", lits: ALTS.map((a) => [v(p, a), true] as const), text: `at (${key(p)}) some alternative is chosen` });
    for (let i = 0; i < 3; i++) for (let j = i + 1; j < 3; j++) cs.push({ kind: "at-most-one", lits: [[v(p, ALTS[i]!), false], [v(p, ALTS[j]!), false]], text: `at (${key(p)}) not both ${ALTS[i]} and ${ALTS[j]}` });
  }
  for (const a of ALTS) cs.push({ kind: "onto", lits: ps.map((p) => [v(p, a), true] as const), text: `${a} is chosen at some profile (onto)` });
  for (const p of ps) {
    for (let i = 0; i < n; i++) {
      for (const r of RANKINGS) {
        if (r === p[i]) continue;
        const q = p.map((x, j) => (j === i ? r : x));
        for (const a of ALTS) for (const b of ALTS) {
          if (prefers(p[i]!, b, a)) cs.push({ kind: "strategy-proof", lits: [[v(p, a), false], [v(q, b), false]], text: `voter ${i + 1} with ranking ${p[i]} at (${key(p)}) must not gain by reporting ${r}: not both f(${key(p)}) = ${a} and f(${key(q)}) = ${b}` });
        }
      }
    }
  }
  for (let i = 0; i < n; i++) cs.push({ kind: "non-dictatorial", lits: ps.map((p) => [v(p, p[i]![0]!), false] as const), text: `voter ${i + 1} is not a dictator: at some profile the outcome is not voter ${i + 1}'s top` });
  return cs;
}

type LogicModule = { Solver: new () => { require(x: unknown): void; solve(): { getTrueVars(): string[] } | null }; or(...xs: unknown[]): unknown; not(x: unknown): unknown };
let logic: LogicModule | undefined;
function loadLogic(): LogicModule {
  logic ??= createRequire(import.meta.url)("logic-solver") as LogicModule;
  return logic;
}

/** The npm solver's answer: a satisfying assignment's true variables, or null (UNSAT). */
export function solveWithLogicSolver(clauses: readonly Clause[]): string[] | null {
  const L = loadLogic();
  const s = new L.Solver();
  for (const c of clauses) s.require(L.or(...c.lits.map(([x, pos]) => (pos ? x : L.not(x)))));
  const r = s.solve();
  return r === null ? null : r.getTrueVars();
}

/** Independent DPLL with unit propagation: true iff satisfiable. For cores (tens of clauses). */
export function dpllSatisfiable(clauses: readonly Clause[]): boolean {
  const cls = clauses.map((c) => c.lits);
  const go = (assign: Map<string, boolean>): boolean => {
    const a = new Map(assign);
    for (;;) {
      let unit: Lit | null = null;
      for (const c of cls) {
        let open: Lit | null = null;
        let nOpen = 0;
        let sat = false;
        for (const l of c) {
          const val = a.get(l[0]);
          if (val === undefined) {
            nOpen++;
            open = l;
          } else if (val === l[1]) {
            sat = true;
            break;
          }
        }
        if (sat) continue;
        if (nOpen === 0) return false;
        if (nOpen === 1) {
          unit = open;
          break;
        }
      }
      if (unit === null) break;
      a.set(unit[0], unit[1]);
    }
    for (const c of cls) for (const l of c) if (!a.has(l[0])) return go(new Map(a).set(l[0], true)) || go(new Map(a).set(l[0], false));
    return true;
  };
  return go(new Map());
}

/** One assignment on a DPLL trail: a decision (reason null) or a literal forced by a unit clause. */
export interface TrailStep {
  readonly lit: Lit;
  readonly reason: Clause | null;
}
/**
 * A DPLL refutation as a tree: the forced assignments after a branch (in propagation order, each
 * with the clause forcing it), then either the clause they falsify or a split on a variable.
 */
export type Refutation =
  | { readonly kind: "conflict"; readonly trail: readonly TrailStep[]; readonly conflict: Clause }
  | { readonly kind: "split"; readonly trail: readonly TrailStep[]; readonly variable: string; readonly ifTrue: Refutation; readonly ifFalse: Refutation };

/**
 * The same DPLL as dpllSatisfiable (same propagation order, same branching: the first unassigned
 * variable in clause order, true first) recording its trail: the refutation tree, or null when the
 * clauses are satisfiable. dpllRefutation(cs) === null exactly when dpllSatisfiable(cs).
 */
export function dpllRefutation(clauses: readonly Clause[]): Refutation | null {
  const go = (assign: Map<string, boolean>, decision: TrailStep | null): Refutation | null => {
    const a = new Map(assign);
    const trail: TrailStep[] = decision === null ? [] : [decision];
    for (;;) {
      let unit: TrailStep | null = null;
      for (const c of clauses) {
        let open: Lit | null = null;
        let nOpen = 0;
        let sat = false;
        for (const l of c.lits) {
          const val = a.get(l[0]);
          if (val === undefined) {
            nOpen++;
            open = l;
          } else if (val === l[1]) {
            sat = true;
            break;
          }
        }
        if (sat) continue;
        if (nOpen === 0) return { kind: "conflict", trail, conflict: c };
        if (nOpen === 1) {
          unit = { lit: open!, reason: c };
          break;
        }
      }
      if (unit === null) break;
      a.set(unit.lit[0], unit.lit[1]);
      trail.push(unit);
    }
    for (const c of clauses)
      for (const l of c.lits)
        if (!a.has(l[0])) {
          const t = go(new Map(a).set(l[0], true), { lit: [l[0], true], reason: null });
          if (t === null) return null;
          const f = go(new Map(a).set(l[0], false), { lit: [l[0], false], reason: null });
          if (f === null) return null;
          return { kind: "split", trail, variable: l[0], ifTrue: t, ifFalse: f };
        }
    return null;
  };
  return go(new Map(), null);
}

/** Number of leaves (conflicts) of a refutation tree. */
export function refutationLeaves(r: Refutation): number {
  return r.kind === "conflict" ? 1 : refutationLeaves(r.ifTrue) + refutationLeaves(r.ifFalse);
}

/** Whether an assignment (true variables) satisfies every clause — checks a SAT answer independently. */
export function satisfies(clauses: readonly Clause[], trueVars: readonly string[]): boolean {
  const t = new Set(trueVars);
  return clauses.every((c) => c.lits.some(([x, pos]) => t.has(x) === pos));
}

/**
 * A small unsatisfiable core by chunked deletion: try dropping chunks (halving their size down to
 * single clauses) and keep a drop whenever the rest stays UNSAT (npm solver). The result is
 * minimal: dropping any single clause makes it satisfiable (checked in the last pass).
 */
export function unsatCore(clauses: readonly Clause[]): Clause[] {
  let core = [...clauses];
  for (let size = Math.ceil(core.length / 2); size >= 1; size = size === 1 ? 0 : Math.ceil(size / 2)) {
    for (let start = 0; start < core.length; ) {
      const rest = [...core.slice(0, start), ...core.slice(start + size)];
      if (solveWithLogicSolver(rest) === null) core = rest;
      else start += size;
    }
  }
  return core;
}
