/**
 * Linear programs as plain, read-only data, with exact rational coefficients.
 *
 *   optimize (max | min)  Σ_j c_j x_j + c0
 *   subject to            Σ_j a_ij x_j  (≤ | ≥ | =)  b_i      for each named row i
 *                         l_j ≤ x_j ≤ u_j                     (l_j = null: −∞, u_j = null: +∞)
 *
 * ## Certificates (the conventions `verify` checks; nothing else is trusted)
 *
 * optimal — `primal` x is feasible; `dual.rows` y and `dual.reducedCosts` d satisfy
 *   c = Aᵀy + d  (exactly, column by column), and, writing "shadow-price" signs:
 *   - min: y_i ≥ 0 on ≥ rows, y_i ≤ 0 on ≤ rows; d_j > 0 needs l_j finite, d_j < 0 needs u_j finite;
 *          dual value = Σ_i y_i b_i + Σ_{d_j>0} d_j l_j + Σ_{d_j<0} d_j u_j + c0.
 *   - max: y_i ≥ 0 on ≤ rows, y_i ≤ 0 on ≥ rows; d_j > 0 needs u_j finite, d_j < 0 needs l_j finite;
 *          dual value = Σ_i y_i b_i + Σ_{d_j>0} d_j u_j + Σ_{d_j<0} d_j l_j + c0.
 *   (= rows: y_i free.) `value` = c·x + c0 = dual value. So y_i is ∂value/∂b_i in both directions.
 *
 * infeasible — Farkas multipliers `farkas.rows` y with y_i ≥ 0 on ≥ rows, y_i ≤ 0 on ≤ rows
 *   (free on = rows). Every feasible x satisfies (yᵀA)x ≥ yᵀb; with g = yᵀA the certificate
 *   proves infeasibility when max_{l≤x≤u} g·x < yᵀb, i.e.
 *   Σ_{g_j>0} g_j u_j + Σ_{g_j<0} g_j l_j < yᵀb  (every needed bound finite).
 *
 * unbounded — a feasible `point` and a `ray` r with a_i·r ≥ 0 on ≥ rows, ≤ 0 on ≤ rows, = 0 on =
 *   rows; r_j ≥ 0 where l_j is finite, r_j ≤ 0 where u_j is finite; c·r > 0 (max) or < 0 (min).
 */
import { MechcheckError } from "../errors.ts";
import { q, type Q, type QInput, ZERO } from "../exact/rational.ts";

/** The sense of a row `Σ a_ij x_j (sense) b_i`: ≤, ≥ or =. */
export type RowSense = "<=" | ">=" | "=";
/** Whether an LP maximizes or minimizes its objective. */
export type Direction = "max" | "min";

/** A named column with exact bounds `lower ≤ x ≤ upper` (null for an infinite bound). */
export interface LpVariable {
  readonly name: string;
  /** null = −∞ */
  readonly lower: Q | null;
  /** null = +∞ */
  readonly upper: Q | null;
}
/** One term `coef · x[var]` of a row or of the objective, `var` being the column's index. */
export interface LpTerm {
  readonly var: number;
  readonly coef: Q;
}
/** A named constraint `Σ terms (sense) rhs` with exact rational coefficients. */
export interface LpRow {
  readonly name: string;
  readonly terms: readonly LpTerm[];
  readonly sense: RowSense;
  readonly rhs: Q;
}
/**
 * A linear program as read-only data: direction, columns with bounds, named rows, objective terms
 * and constant, all exact (the module comment gives the certificate conventions).
 */
export interface LpModel {
  readonly direction: Direction;
  readonly variables: readonly LpVariable[];
  readonly rows: readonly LpRow[];
  readonly objective: readonly LpTerm[];
  readonly objectiveConstant: Q;
}

/** How a verdict was reached: which engine proposed, which attempts failed, what certified it. */
export interface SolveTrace {
  readonly attempts: readonly { readonly engine: string; readonly settings: string; readonly outcome: string }[];
  readonly certifiedBy: "basis-lu" | "exact-simplex";
}

/**
 * A solver's answer with its certificate: optimal (primal point, row duals and reduced costs,
 * value), infeasible (Farkas row multipliers) or unbounded (a feasible point and an improving ray),
 * each checked exactly by `verify`.
 */
export type LpResult =
  | {
      readonly status: "optimal";
      readonly value: Q;
      readonly primal: readonly Q[];
      readonly dual: { readonly rows: readonly Q[]; readonly reducedCosts: readonly Q[] };
      readonly trace?: SolveTrace;
    }
  | { readonly status: "infeasible"; readonly farkas: { readonly rows: readonly Q[] }; readonly trace?: SolveTrace }
  | { readonly status: "unbounded"; readonly point: readonly Q[]; readonly ray: readonly Q[]; readonly trace?: SolveTrace };

export interface VariableOptions {
  /** default 0; null for −∞ */
  lower?: QInput | null;
  /** default null (+∞) */
  upper?: QInput | null;
}

/** A term given by variable index or name, and an exact coefficient. */
export type TermInput = readonly [number | string, QInput];

/**
 * Build an LpModel. Variables are ≥ 0 unless told otherwise (`{ lower: null }` for a free one).
 * Coefficients are exact (`q` rules: strings like "3/7", bigints, integer numbers).
 * Repeated terms on the same variable in one row are summed. `build()` returns frozen data.
 */
export class LpBuilder {
  private readonly vars: LpVariable[] = [];
  private readonly varIndex = new Map<string, number>();
  private readonly rowsList: LpRow[] = [];
  private readonly rowNames = new Set<string>();
  private obj: readonly LpTerm[] = [];
  private objConst: Q = ZERO;
  private built = false;

  constructor(private readonly direction: Direction) {}

  /**
   * Declare a variable (default bounds [0, +∞); `lower: null` for −∞) and return its column index;
   * a duplicate name or lower > upper is a MechcheckError naming the variable.
   */
  variable(name: string, opts: VariableOptions = {}): number {
    this.assertOpen();
    if (this.varIndex.has(name)) throw new MechcheckError("duplicate-name", `variable ${JSON.stringify(name)} is declared twice`, { path: `variables.${name}`, value: name });
    const lower = opts.lower === undefined ? ZERO : opts.lower === null ? null : q(opts.lower, `variable ${name}: lower bound`);
    const upper = opts.upper === undefined || opts.upper === null ? null : q(opts.upper, `variable ${name}: upper bound`);
    if (lower !== null && upper !== null && lower.compare(upper) > 0) {
      throw new MechcheckError("empty-bounds", `variable ${name}: lower bound ${lower.toFraction()} exceeds upper bound ${upper.toFraction()}`, { path: `variables.${name}`, value: [lower.toFraction(), upper.toFraction()] });
    }
    const idx = this.vars.length;
    this.vars.push(Object.freeze({ name, lower, upper }));
    this.varIndex.set(name, idx);
    return idx;
  }

  /** Index of a declared variable. */
  index(name: string): number {
    const i = this.varIndex.get(name);
    if (i === undefined) throw new MechcheckError("unknown-variable", `no variable named ${JSON.stringify(name)}`, { path: "variables", value: name });
    return i;
  }

  /**
   * Add the named row Σ terms (sense) rhs with exact coefficients; a duplicate name or a bad sense
   * is a MechcheckError, and a refused row leaves no trace.
   */
  row(name: string, terms: readonly TermInput[], sense: RowSense, rhs: QInput): this {
    this.assertOpen();
    if (this.rowNames.has(name)) throw new MechcheckError("duplicate-name", `row ${JSON.stringify(name)} is declared twice`, { path: `rows.${name}`, value: name });
    if (sense !== "<=" && sense !== ">=" && sense !== "=") throw new MechcheckError("bad-sense", `row ${name}: sense ${JSON.stringify(sense)} is not one of <=, >=, =`, { path: `rows.${name}.sense`, value: sense });
    // terms and rhs first: a refused row leaves no trace (its name stays free)
    const row = Object.freeze({ name, terms: this.terms(terms, `row ${name}`), sense, rhs: q(rhs, `row ${name}: right-hand side`) });
    this.rowNames.add(name);
    this.rowsList.push(row);
    return this;
  }

  /** Set the objective Σ terms + constant (exact); the default is 0. */
  objective(terms: readonly TermInput[], constant: QInput = 0): this {
    this.assertOpen();
    this.obj = this.terms(terms, "objective");
    this.objConst = q(constant, "objective constant");
    return this;
  }

  /** The model as frozen data; the builder accepts no further declarations. */
  build(): LpModel {
    this.built = true;
    return Object.freeze({
      direction: this.direction,
      variables: Object.freeze(this.vars.slice()),
      rows: Object.freeze(this.rowsList.slice()),
      objective: this.obj,
      objectiveConstant: this.objConst,
    });
  }

  private terms(terms: readonly TermInput[], where: string): readonly LpTerm[] {
    const acc = new Map<number, Q>();
    for (const [v, c] of terms) {
      const idx = typeof v === "number" ? v : this.index(v);
      if (!Number.isInteger(idx) || idx < 0 || idx >= this.vars.length) {
        throw new MechcheckError("unknown-variable", `${where}: variable index ${idx} is out of range`, { path: where, value: v });
      }
      const coef = q(c, `${where}: coefficient of ${this.vars[idx]!.name}`);
      const prev = acc.get(idx);
      acc.set(idx, prev === undefined ? coef : prev.add(coef));
    }
    const out: LpTerm[] = [];
    for (const [idx, coef] of [...acc.entries()].sort((a, b) => a[0] - b[0])) {
      if (coef.n !== 0n) out.push(Object.freeze({ var: idx, coef }));
    }
    return Object.freeze(out);
  }

  private assertOpen(): void {
    if (this.built) throw new MechcheckError("model-frozen", "the LP model was already built; it is read-only");
  }
}

/**
 * A basis proposal (what a float engine suggests, or an exact simplex warm-starts from), one
 * status per column and per row, in HiGHS's vocabulary: "lower"/"upper" = nonbasic at that bound,
 * "zero" = nonbasic free variable at 0, "basic". For a row, the status is that of its slack, i.e.
 * of the row activity a_i·x between its bounds (a ≤ row "at upper" is tight).
 */
export type BasisStatus = "lower" | "basic" | "upper" | "zero" | "nonbasic";
export interface BasisHint {
  readonly colStatus: readonly BasisStatus[];
  readonly rowStatus: readonly BasisStatus[];
}
