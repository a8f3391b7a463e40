/**
 * Hostile instance files (issue 9, items 2, 3, 4, 8): exact decimal literals, duplicate keys, deep
 * nesting, explosive sizes, prototype-named labels, and bounded error output. Every check has a
 * negative control: the same input with the hostile part removed (or the limit raised) parses.
 */
import { describe, expect, it } from "vitest";
import { MechcheckError, isMechcheckError } from "../../src/errors.ts";
import { qstr } from "../../src/exact/rational.ts";
import { parseInstance, serializeInstance } from "../../src/instance/index.ts";
import { evaluateInstance } from "../../src/cli/commands/eval.ts";
import { ValidationError } from "../../src/concepts/index.ts";

function caught(f: () => unknown): MechcheckError {
  try {
    f();
  } catch (e) {
    if (isMechcheckError(e)) return e;
    throw new Error(`expected a MechcheckError, got ${e instanceof Error ? e.stack : String(e)}`);
  }
  throw new Error("expected a MechcheckError, nothing was thrown");
}

/** A two-agent bilateral-trade-like instance as JSON text, with pieces replaceable as raw text. */
function tradeText(o: { prior?: string; sellerTrade?: string } = {}): string {
  return `{
  "mechcheck": 1,
  "environment": {
    "agents": ["seller", "buyer"],
    "types": { "seller": ["1", "3"], "buyer": ["2", "4"] },
    "decisions": ["no-trade", "trade"],
    "valuation": {
      "seller": { "1": { "trade": ${o.sellerTrade ?? '"-1"'} }, "3": { "trade": "-3" } },
      "buyer": { "2": { "trade": "2" }, "4": { "trade": "4" } }
    }
  },
  "beliefs": { "commonPrior": { "1,2": ${o.prior ?? '"1/4"'}, "1,4": "1/4", "3,2": "1/4", "3,4": "1/4" } },
  "mechanism": { "kind": "direct", "allocation": { "1,2": "trade", "1,4": "trade", "3,2": "no-trade", "3,4": "no-trade" } }
}`;
}

describe("decimal literals are read exactly from the text", () => {
  it("0.24999999999999999 is not 1/4 (a prior that does not sum to 1 is refused); 0.25 is", () => {
    // float64 rounds 0.24999999999999999 to 0.25; the exact reader must not
    const e = caught(() => parseInstance(tradeText({ prior: "0.24999999999999999" })));
    expect(e.code).toBe("not-a-distribution");
    expect(e.message).toContain("beliefs.commonPrior");
    // negative control: the exact literal 0.25 sums to 1
    const b = parseInstance(tradeText({ prior: "0.25" })).beliefs!;
    expect(b.kind === "common-prior" && b.prior.map(qstr)).toEqual(["1/4", "1/4", "1/4", "1/4"]);
  });
  it("0.99999999999999999 stays below 1 and 1e-400 stays above 0", () => {
    const v = parseInstance(tradeText({ sellerTrade: "0.99999999999999999" })).environment.valuation[0]![0]![1]!;
    expect(qstr(v)).toBe("99999999999999999/100000000000000000");
    const w = parseInstance(tradeText({ sellerTrade: "1e-400" })).environment.valuation[0]![0]![1]!;
    expect(w.n).toBe(1n);
    expect(w.d).toBe(10n ** 400n);
    expect(qstr(parseInstance(tradeText({ sellerTrade: "-1" })).environment.valuation[0]![0]![1]!)).toBe("-1");
  });
  it("a huge exponent is refused by a limit, before any allocation, naming the field", () => {
    const e = caught(() => parseInstance(tradeText({ sellerTrade: "1e1000000000" }))); // 10^(10^9) would never finish (timed in bench/hostile.ts)
    expect(e.message).toMatch(/exponent/);
    expect(e.message).toContain('environment.valuation["seller"]["1"]["trade"]');
    expect(e.message.split("\n")).toHaveLength(1);
  });
});

describe("JSON structure", () => {
  it("a duplicate key is refused with line, column and the field path; without it the file parses", () => {
    const text = tradeText().replace('"3,4": "1/4" }', '"3,4": "1/4", "1,2": "0" }');
    const e = caught(() => parseInstance(text));
    expect(e.code).toBe("invalid-json");
    const line = text.split("\n").findIndex((l) => l.includes('"1,2": "0"')) + 1; // where the repeated key is
    expect(line).toBeGreaterThan(1);
    expect(e.message).toContain(`line ${line}, column ${text.split("\n")[line - 1]!.indexOf('"1,2": "0"') + 1}`);
    expect(e.message).toContain('duplicate key "1,2"');
    expect(e.message).toContain("beliefs.commonPrior");
    expect(() => parseInstance(tradeText())).not.toThrow();
  });
  it("10^5-deep nesting is a one-line error, not a stack overflow", () => {
    const text = `{"mechcheck": 1, "name": ${"[".repeat(100_000)}${"]".repeat(100_000)}}`;
    const e = caught(() => parseInstance(text));
    expect(e.code).toBe("invalid-json");
    expect(e.message).toMatch(/nesting deeper than \d+/);
    expect(e.message.split("\n")).toHaveLength(1);
    // negative control: shallow nesting reaches the semantic check ("name" must be a string)
    expect(caught(() => parseInstance(tradeText().replace('"mechcheck": 1,', '"mechcheck": 1, "name": [[1]],'))).code).toBe("not-a-string");
  });
});

/** n agents with m types each, private values given by own type (a small file, a huge table). */
function explosive(n: number, m: number): string {
  const agents = Array.from({ length: n }, (_, i) => `a${i}`);
  const types = Array.from({ length: m }, (_, k) => `t${k}`);
  return JSON.stringify({
    mechcheck: 1,
    environment: {
      agents,
      types: Object.fromEntries(agents.map((a) => [a, types])),
      decisions: ["x", "y"],
      valuation: Object.fromEntries(agents.map((a) => [a, Object.fromEntries(types.map((t, k) => [t, { y: String(k) }]))])),
    },
  });
}

describe("size guard: the profile count is computed before anything is allocated", () => {
  it("10 types ^ 20 agents is refused, naming the product and the limit", () => {
    const e = caught(() => parseInstance(explosive(20, 10))); // unguarded, this exhausts the heap (timed in bench/hostile.ts)
    expect(e.code).toBe("too-large");
    expect(e.message).toContain("10 types ^ 20 agents = 10^20 profiles > limit 10^6");
    expect(e.message).toMatch(/maxProfiles|--max-profiles/);
  });
  it("unequal sizes are named as a product; the limit can be raised; under it the file parses", () => {
    const text = explosive(7, 10); // 10^7 profiles
    expect(caught(() => parseInstance(text)).message).toContain("10^7 profiles > limit 10^6");
    expect(caught(() => parseInstance(explosive(3, 10), { maxProfiles: 999 })).message).toContain("10 types ^ 3 agents = 10^3 profiles > limit 999");
    expect(parseInstance(explosive(3, 10), { maxProfiles: 1000 }).environment.valuation[0]).toHaveLength(1000);
    const mixed = JSON.parse(explosive(3, 4));
    mixed.environment.types.a1 = ["t0", "t1"];
    delete mixed.environment.valuation.a1.t2;
    delete mixed.environment.valuation.a1.t3;
    expect(caught(() => parseInstance(mixed, { maxProfiles: 31 })).message).toContain("4 × 2 × 4 types = 32 profiles > limit 31");
    expect(parseInstance(mixed, { maxProfiles: 32 }).environment.valuation[2]).toHaveLength(32);
  });
  it("an indirect mechanism's action profiles are guarded too", () => {
    const x = JSON.parse(tradeText());
    const acts = Array.from({ length: 2000 }, (_, k) => `a${k}`);
    x.mechanism = { kind: "indirect", actions: { seller: acts, buyer: acts }, outcome: {} };
    const e = caught(() => parseInstance(x));
    expect(e.message).toContain("2000 actions ^ 2 agents = 4000000 profiles > limit 10^6");
  });
});

const PROTO = ["constructor", "toString", "__proto__", "hasOwnProperty", "valueOf", "isPrototypeOf"];

describe("prototype-named labels work in every position", () => {
  it("as agent, type, decision and action labels, and as keys of priors, valuations and payments", () => {
    const [A, B] = ["constructor", "__proto__"];
    const [t1, t2] = ["toString", "hasOwnProperty"];
    const [d1, d2] = ["valueOf", "__proto__"];
    const text = JSON.stringify({
      mechcheck: 1,
      environment: {
        agents: [A, B],
        types: Object.fromEntries([[A, [t1, t2]], [B, [t1]]]),
        decisions: [d1, d2],
        valuation: Object.fromEntries([
          [A, Object.fromEntries([[t1, Object.fromEntries([[d2, "1"]])], [t2, Object.fromEntries([[d2, "3"]])]])],
          [B, Object.fromEntries([[`${t1},${t1}`, Object.fromEntries([[d1, "2"]])], [`${t2},${t1}`, Object.fromEntries([[d1, "2"]])]])],
        ]),
        reservation: Object.fromEntries([[A, Object.fromEntries([[t1, "0"]])]]),
      },
      beliefs: { commonPrior: Object.fromEntries([[`${t1},${t1}`, "1/3"], [`${t2},${t1}`, "2/3"]]) },
      mechanism: {
        kind: "direct",
        allocation: Object.fromEntries([[`${t1},${t1}`, d1], [`${t2},${t1}`, Object.fromEntries([[d2, "1/2"], [d1, "1/2"]])]]),
        payments: Object.fromEntries([[`${t2},${t1}`, Object.fromEntries([[A, "1"], [B, "-1"]])]]),
      },
    });
    const inst = parseInstance(text);
    expect(inst.environment.agents).toEqual([A, B]);
    expect(inst.environment.types).toEqual([[t1, t2], [t1]]);
    expect(inst.environment.decisions).toEqual([d1, d2]);
    expect(inst.environment.valuation[0]!.map((r) => r.map(qstr))).toEqual([["0", "1"], ["0", "3"]]);
    expect(inst.environment.valuation[1]!.map((r) => r.map(qstr))).toEqual([["2", "0"], ["2", "0"]]);
    expect(inst.mechanism!.payments.map((r) => r.map(qstr))).toEqual([["0", "0"], ["1", "-1"]]);
    expect(inst.mechanism?.kind === "direct" && inst.mechanism.allocation[1]!.map(qstr)).toEqual(["1/2", "1/2"]);
    // round trip, and every concept evaluates (no "not a number")
    expect(serializeInstance(parseInstance(serializeInstance(inst)))).toBe(serializeInstance(inst));
    expect(evaluateInstance(inst).map((r) => r.verdict).length).toBeGreaterThan(5);
  });
  for (const label of PROTO) {
    it(`"${label}" missing from a table is "missing", not "not a number" (object input and text input)`, () => {
      const x = JSON.parse(tradeText());
      x.environment.agents = [label, "buyer"];
      x.environment.types = { [label]: ["1", "3"], buyer: ["2", "4"] };
      x.environment.valuation = { buyer: x.environment.valuation.buyer }; // the agent's row is missing
      for (const input of [x, JSON.stringify(x)]) {
        const e = caught(() => parseInstance(input));
        expect(e.message).not.toMatch(/not a number|not a rational/);
        expect(e.message).toContain(`no entry for agent ${JSON.stringify(label)}`);
      }
      // control: with the row present it parses
      const y = JSON.parse(JSON.stringify(x));
      Object.defineProperty(y.environment.valuation, label, { value: { "1": { trade: "-1" }, "3": { trade: "-3" } }, enumerable: true });
      expect(parseInstance(y).environment.agents[0]).toBe(label);
    });
  }
  it("type values keyed by a prototype-named type", () => {
    const x = JSON.parse(tradeText());
    x.environment.types.seller = ["constructor", "3"];
    x.environment.valuation.seller = { constructor: { trade: "-1" }, "3": { trade: "-3" } };
    x.beliefs.commonPrior = { "constructor,2": "1/4", "constructor,4": "1/4", "3,2": "1/4", "3,4": "1/4" };
    x.mechanism.allocation = { "constructor,2": "trade", "constructor,4": "trade", "3,2": "no-trade", "3,4": "no-trade" };
    x.environment.typeValues = { seller: { "3": 3 }, buyer: { "2": 2, "4": 4 } };
    expect(caught(() => parseInstance(x)).message).toContain('no value for type "constructor"');
    x.environment.typeValues.seller.constructor = 1;
    expect(qstr(parseInstance(x).environment.typeValues![0]![0]!)).toBe("1");
  });
});

describe("bounded error output", () => {
  it("10^5 duplicate labels: at most ~25 lines, with a count of the rest", () => {
    const labels = Array.from({ length: 100_000 }, () => "x");
    const text = JSON.stringify({ mechcheck: 1, environment: { agents: ["a"], types: { a: labels }, decisions: ["d"], valuation: { a: {} } } });
    const e = caught(() => parseInstance(text));
    const lines = e.message.split("\n");
    expect(lines.length).toBeLessThanOrEqual(25);
    expect(e.message).toMatch(/and at least 99,979 more/);
    expect((e as ValidationError).issues.length).toBeLessThanOrEqual(20);
    // control: 3 duplicates are listed in full
    const few = caught(() => parseInstance(JSON.stringify({ mechcheck: 1, environment: { agents: ["a"], types: { a: ["x", "x", "x", "x"] }, decisions: ["d"], valuation: { a: {} } } })));
    expect(few.message.split("\n")).toHaveLength(4);
    expect(few.message).not.toMatch(/more/);
  });
  it("an unknown label among 20,000 agents does not list all 20,000 in the message", () => {
    const agents = Array.from({ length: 20_000 }, (_, i) => `a${i}`);
    const e = caught(() => parseInstance({ mechcheck: 1, environment: { agents, types: { zz: ["t"] }, decisions: ["d"], valuation: {} } }));
    expect(e.message.length).toBeLessThan(10_000);
    expect(e.message).toContain('unknown agent "zz"');
  });
});
