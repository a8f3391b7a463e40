/**
 * A SHORT infeasibility certificate for an LP whose columns are all free (the impossibility LPs of
 * fixedRuleTransfers.ts: payments of either sign). The Farkas certificate returned by `solve` is
 * valid but often uses hundreds of rows; a referee wants the shortest argument. For free columns a
 * Farkas certificate is y with yᵀA = 0, y ≥ 0 on ≥ rows, y ≤ 0 on ≤ rows, y free on = rows, and
 * yᵀb > 0 (model.ts conventions). Normalising yᵀb = 1 and minimising Σ|y_i| is an LP whose vertex
 * optimum is a sparse certificate (few rows with nonzero weight): "add these constraints with these
 * weights and every payment cancels, leaving 0 ≥ 1".
 *
 * The returned certificate is re-checked by src/lp/verify.ts (the independent judge) before it is
 * returned; a failing check throws (a bug).
 */
import { InternalError, MechcheckError } from "../errors.ts";
import { type Q, ZERO } from "../exact/rational.ts";
import { LpBuilder, type LpModel, type LpResult, type TermInput } from "./model.ts";
import { solve } from "./solve.ts";
import { verify } from "./verify.ts";

export interface SparseFarkas {
  /** y per row of the original model (zero off the support). */
  readonly rows: readonly Q[];
  /** Σ|y_i| with yᵀb = 1. */
  readonly l1: Q;
  readonly support: number;
}

/** The minimum-L1 Farkas certificate of an infeasible LP with free columns; null if the LP is feasible. */
export function sparseFarkas(model: LpModel): SparseFarkas | null {
  for (const v of model.variables) {
    if (v.lower !== null || v.upper !== null) throw new MechcheckError("invalid-model", "sparseFarkas: every column must be free");
  }
  const b = new LpBuilder("min");
  // y_i = pos_i − neg_i; pos only on ≥ and = rows, neg only on ≤ and = rows.
  const pos: (number | null)[] = [];
  const neg: (number | null)[] = [];
  model.rows.forEach((r, i) => {
    pos.push(r.sense !== "<=" ? b.variable(`+${i}`) : null);
    neg.push(r.sense !== ">=" ? b.variable(`-${i}`) : null);
  });
  const perColumn: TermInput[][] = model.variables.map(() => []);
  model.rows.forEach((r, i) => {
    for (const t of r.terms) {
      if (pos[i] !== null) perColumn[t.var]!.push([pos[i]!, t.coef]);
      if (neg[i] !== null) perColumn[t.var]!.push([neg[i]!, t.coef.neg()]);
    }
  });
  perColumn.forEach((terms, j) => {
    if (terms.length > 0) b.row(`col${j}`, terms, "=", 0);
  });
  const gap: TermInput[] = [];
  const obj: TermInput[] = [];
  model.rows.forEach((r, i) => {
    if (pos[i] !== null) {
      gap.push([pos[i]!, r.rhs]);
      obj.push([pos[i]!, 1]);
    }
    if (neg[i] !== null) {
      gap.push([neg[i]!, r.rhs.neg()]);
      obj.push([neg[i]!, 1]);
    }
  });
  b.row("gap", gap, "=", 1);
  b.objective(obj);
  const cert = b.build();
  const r = solve(cert, cert.rows.length * cert.variables.length <= 6000 ? { exactOnly: true } : {});
  if (r.status === "infeasible") return null;
  if (r.status !== "optimal") throw new InternalError(`sparseFarkas: the certificate LP is ${r.status}`);
  const y = model.rows.map((_, i) => {
    let v = ZERO;
    if (pos[i] !== null) v = v.add(r.primal[pos[i]!]!);
    if (neg[i] !== null) v = v.sub(r.primal[neg[i]!]!);
    return v;
  });
  const farkas: LpResult = { status: "infeasible", farkas: { rows: y } };
  const check = verify(model, farkas);
  if (!check.ok) throw new MechcheckError("certificate-check-failed", `sparseFarkas: the certificate does not verify: ${check.problems.map((p) => p.message).join("; ")}`);
  return { rows: y, l1: r.value, support: y.filter((v) => v.n !== 0n).length };
}
