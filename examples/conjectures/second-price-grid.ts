// examples/conjectures/second-price-grid.ts: a finite family, checked case by case, for each K.
import { conjecture, describeViolation, isDSIC, isExPostIR, pivotMechanism } from "mechcheck";
import { singleObjectEnvironment } from "mechcheck/model";

/** Every nonempty set of values in {0, …, K}, smallest sets first. */
function valueSets(K: number): number[][] {
  const sets: number[][] = [];
  for (let mask = 1; mask < 2 ** (K + 1); mask++) sets.push([...Array(K + 1).keys()].filter((v) => mask & (1 << v)));
  return sets.sort((a, b) => a.length - b.length);
}

export default conjecture({
  id: "second-price-grid",
  statement: "Two bidders, one object, values in {0,…,K}: for every pair of value sets, the pivot mechanism (a second-price auction) is DSIC and ex post IR.",
  params: { K: { default: 2, min: 1, max: 5 } },
  enumerate: function* ({ K }) {
    for (const a of valueSets(K)) for (const b of valueSets(K)) yield singleObjectEnvironment([a, b], { noSale: true });
  },
  size: ({ K }) => (2 ** (K + 1) - 1) ** 2,
  check: (env) => {
    const m = pivotMechanism(env);
    for (const v of [isDSIC(env, m), isExPostIR(env, m)]) if (v.verdict === "fails") return { ok: false, violation: v.violation, message: describeViolation(env, v.violation) };
    return true;
  },
});
