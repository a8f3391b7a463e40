// examples/conjectures/pivot-budget-balance.ts: a conjecture expected to be FALSE (expect: "refuted").
import { conjecture, describeViolation, instanceToJson, isExPostBudgetBalanced, parseInstance, pivotMechanism } from "mechcheck";
import { singleObjectEnvironment } from "mechcheck/model";

export default conjecture({
  id: "pivot-budget-balance",
  statement: "The pivot mechanism is NOT budget balanced: with n bidders and values in {0,…,K}, some value profile makes its payments sum to nonzero.",
  expect: "refuted",
  params: { n: { default: 2, min: 2, max: 4 }, K: { default: 2, min: 1, max: 6 } },
  // One environment per (n, K): every bidder's values are {0, …, K}.
  enumerate: function* ({ n, K }) {
    yield singleObjectEnvironment(Array.from({ length: n }, () => [...Array(K + 1).keys()]), { noSale: true });
  },
  check: (env) => {
    const v = isExPostBudgetBalanced(env, pivotMechanism(env));
    return v.verdict === "holds" ? true : { ok: false, violation: v.violation, message: describeViolation(env, v.violation) };
  },
  // Save cases in the readable instance format (mechcheck show / eval read them).
  codec: { encode: (env) => instanceToJson({ environment: env }), decode: (j) => parseInstance(j).environment },
});
