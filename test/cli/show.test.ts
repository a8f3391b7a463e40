/**
 * `mechcheck show` in text and Markdown (issue 13): the case itself comes before the violation;
 * agents, types and decisions by their labels; numbering 1-based; per-profile fields as one table
 * with a column per agent ("pays buyer", never `payments.1`); exact rationals; long tables capped
 * with an explicit "… N more profiles" line. Expected cells are derived here from the saved JSON
 * with this file's own profile loop (last agent fastest), not from the renderer.
 * Negative controls: a corrupted file and bad flags are one-line errors, exit 2.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.ts";
import { STORE_ROOT } from "../../src/paths.ts";
import { DEFAULT_CODEC_CASE, writeShowFixtures } from "../support/showFixtures.ts";
import Fraction from "fraction.js";
import { isBIC, isDSIC, isExPostEfficient } from "../../src/concepts/index.ts";
import { qstr } from "../../src/exact/rational.ts";
import { parseInstance } from "../../src/instance/index.ts";
import type { DirectMechanism } from "../../src/model/environment.ts";

async function show(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(["show", ...args], { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

/** The rows of the text table under `caption` (header and rule skipped), cells split on 2+ spaces. */
function textRows(out: string, caption: string): string[][] {
  const lines = out.split("\n");
  const at = lines.findIndex((l) => l.startsWith(caption));
  expect(at, `table "${caption}" in:\n${out}`).toBeGreaterThanOrEqual(0);
  const rows: string[][] = [];
  for (let k = at + 3; k < lines.length && lines[k]!.trim() !== "" && !lines[k]!.startsWith("…"); k++) rows.push(lines[k]!.trim().split(/\s{2,}/));
  return [lines[at + 1]!.trim().split(/\s{2,}/), ...rows];
}

/** What `show` must never print: dotted per-profile fields, a 0-based agent, decimals instead of exact rationals. */
function opaque(out: string): string[] {
  const found: string[] = [];
  if (/^\S+\.\d+\s/m.test(out)) found.push("dotted field (payments.1)");
  if (/^agent\s+0$/m.test(out)) found.push("0-based agent");
  if (/\b\d+\.\d{3,}\b/.test(out)) found.push("decimal number");
  return found;
}

const savedFiles = readdirSync(STORE_ROOT)
  .filter((d) => !d.includes("."))
  .flatMap((d) => readdirSync(join(STORE_ROOT, d)).filter((f) => f.endsWith(".json")).map((f) => join(STORE_ROOT, d, f)));

describe("mechcheck show (text, Markdown)", () => {
  let fixtures: ReturnType<typeof writeShowFixtures>;
  beforeAll(() => {
    fixtures = writeShowFixtures();
  });

  it("bilateral trade (dagv-interim-ir): agents by label, the prior, payments per profile with a column per agent", async () => {
    const file = join(STORE_ROOT, "dagv-interim-ir", "case-5c1be214ef48.json");
    const saved = JSON.parse(readFileSync(file, "utf8"));
    const r = await show(file);
    expect(r.code).toBe(0);
    expect(r.out.indexOf("The case")).toBeLessThan(r.out.indexOf("The violation"));
    const agents = textRows(r.out, "Agents and their types");
    expect(agents[0]).toEqual(["agent", "#", "types", "type values"]);
    expect(agents.slice(1).map((row) => row.slice(0, 2))).toEqual([["buyer", "1"], ["seller", "2"]]);
    const prior = textRows(r.out, "Independent priors");
    expect(prior.slice(1)).toContainEqual(["seller", "1", "1/2"]);
    const pay = textRows(r.out, "Per type profile: payments");
    expect(pay[0]).toEqual(["type of buyer", "type of seller", "pays buyer", "pays seller"]);
    // This file's own loop over profiles: buyer outer, seller inner (last agent fastest).
    const expected: string[][] = [];
    let k = 0;
    for (const b of saved.instance.buyer) for (const s of saved.instance.seller) expected.push([b, s, ...saved.violation.payments[k++]]);
    expect(pay.slice(1)).toEqual(expected);
    expect(r.out).toMatch(/agent\s+seller/);
    expect(r.out).toMatch(/shortfall\s+1\/4/);
    expect(r.out).not.toMatch(/payments\.\d/);
  });

  it("an instance (dsic-efficient-is-groves): types of the violating agent by label and 1-based number", async () => {
    const r = await show(join(STORE_ROOT, "dsic-efficient-is-groves", "case-caf8a4d5a4ce.json"));
    expect(r.code).toBe(0);
    const what = textRows(r.out, "What fails");
    expect(what).toContainEqual(["agent", "agent 1"]);
    expect(what).toContainEqual(["type X", "t1 (type #1 of agent 1)"]);
    expect(what).toContainEqual(["type Y", "t2 (type #2 of agent 1)"]);
    expect(textRows(r.out, "Per type profile: payments")).toEqual([["type of agent 1", "pays agent 1"], ["t1", "1"], ["t2", "0"]]);
    expect(textRows(r.out, "Valuations of agent 1")).toEqual([["type", "d2", "d3"], ["t1", "0", "1"], ["t2", "0", "0"]]);
  });

  it("one agent and a rule (weak-monotonicity-finite): types and decisions numbered from 1, the cycle by label", async () => {
    const file = join(STORE_ROOT, "weak-monotonicity-finite", "case-c30b1af2b760.json");
    const saved = JSON.parse(readFileSync(file, "utf8"));
    const r = await show(file);
    expect(r.code).toBe(0);
    const what = textRows(r.out, "What fails");
    expect(what).toContainEqual(["cycle", (saved.violation.cycle as number[]).map((t) => `type ${t + 1}`).join(" → ")]);
    const table = textRows(r.out, "Valuations v(decision, type)");
    expect(table.slice(1).map((row) => row.at(-1))).toEqual((saved.instance.rule as number[]).map((d) => `decision ${d + 1}`));
  });

  it("a partnership (cgk-dissolution-grid): payments per profile with a column per partner", async () => {
    const file = join(STORE_ROOT, "cgk-dissolution-grid", "case-b9db8ae70756.json");
    const saved = JSON.parse(readFileSync(file, "utf8"));
    const r = await show(file);
    expect(r.code).toBe(0);
    const pay = textRows(r.out, "Per type profile: payments");
    expect(pay[0]).toEqual(["type of agent 1", "type of agent 2", "pays agent 1", "pays agent 2"]);
    const expected: string[][] = [];
    let k = 0;
    for (const a of saved.instance.values) for (const b of saved.instance.values) expected.push([a, b, ...saved.violation.payments[k++]]);
    expect(pay.slice(1)).toEqual(expected);
  });

  it("an instance file with per-type beliefs, a type space, a strategy and an indirect mechanism", async () => {
    const inst = {
      mechcheck: 1,
      environment: {
        agents: ["seller", "buyer"],
        types: { seller: ["1", "3"], buyer: ["2", "4"] },
        decisions: ["no-trade", "trade"],
        valuation: { seller: { "1": { trade: "-1" }, "3": { trade: "-3" } }, buyer: { "2": { trade: "2" }, "4": { trade: "4" } } },
      },
      beliefs: { perType: { seller: { "1": { "2": "1/3", "4": "2/3" }, "3": { "2": "1/2", "4": "1/2" } }, buyer: { "2": { "1": "1", "3": "0" }, "4": { "1": "1/4", "3": "3/4" } } } },
      mechanism: { kind: "indirect", actions: { seller: ["ask"], buyer: ["bid", "pass"] }, outcome: { "ask,bid": "trade", "ask,pass": "no-trade" }, payments: { "ask,bid": { seller: -2, buyer: 2 } } },
      typeSpace: { types: { seller: ["s"], buyer: ["b1", "b2"] }, prior: { "s,b1|1,2": "1/2", "s,b2|3,4": "1/2" } },
      strategy: { seller: { s: "ask" }, buyer: { b1: "bid", b2: { bid: "1/2", pass: "1/2" } } },
    };
    const file = join(mkdtempSync(join(tmpdir(), "mechcheck-show-inst-")), "instance.json");
    writeFileSync(file, JSON.stringify(inst));
    const r = await show(file);
    expect(r.code, r.err).toBe(0);
    // Per-type beliefs: one column per type of the other agent, values as written in the file.
    expect(textRows(r.out, "Beliefs of buyer about the others' types")).toEqual([["own type", "seller: 1", "seller: 3"], ["2", "1", "0"], ["4", "1/4", "3/4"]]);
    expect(textRows(r.out, "Strategies")).toContainEqual(["buyer", "b2", "pass", "1/2"]);
    expect(textRows(r.out, "Mechanism (indirect)")).toEqual([
      ["action of seller", "action of buyer", "P(no-trade)", "P(trade)", "pays seller", "pays buyer"],
      ["ask", "bid", "0", "1", "-2", "2"],
      ["ask", "pass", "1", "0", "0", "0"],
    ]);
    // The seller's type-space beliefs have 8 columns: printed one row per (type, column), capped.
    const capped = await show(file, "--max-rows", "5");
    expect(textRows(capped.out, "Beliefs of seller about the others' types and the state")).toHaveLength(1 + 5);
    expect(capped.out).toContain("… 3 more rows (8 in all");
  });

  it("solution-concept violations (DSIC, BIC, efficiency) on the example instances: agent, types, reports, beliefs and decisions by label", async () => {
    const dir = mkdtempSync(join(tmpdir(), "mechcheck-show-concepts-"));
    const exact = (x: unknown): unknown => (x instanceof Fraction ? qstr(x) : Array.isArray(x) ? x.map(exact) : x && typeof x === "object" ? Object.fromEntries(Object.entries(x).map(([k, v]) => [k, exact(v)])) : x);
    const saveAndShow = async (exampleFile: string, violation: Record<string, unknown>) => {
      const raw = JSON.parse(readFileSync(join(STORE_ROOT, "..", "examples", "instances", exampleFile), "utf8"));
      const file = join(dir, `${violation.code}.json`);
      writeFileSync(file, JSON.stringify({ ...DEFAULT_CODEC_CASE, theorem: `concept-${violation.code}`, instance: raw, violation: exact(violation), message: "m" }));
      const r = await show(file);
      expect(r.code, r.err).toBe(0);
      return textRows(r.out, "What fails");
    };
    const fp = parseInstance(readFileSync(join(STORE_ROOT, "..", "examples", "instances", "first-price-auction.json"), "utf8"));
    const env = fp.environment;
    const mech = fp.mechanism as DirectMechanism;
    const dsic = isDSIC(env, mech);
    if (dsic.verdict !== "fails") throw new Error("first-price with truthful bids should fail DSIC");
    const v = dsic.violation;
    const rows = await saveAndShow("first-price-auction.json", v as unknown as Record<string, unknown>);
    expect(rows).toContainEqual(["agent", `${env.agents[v.agent]} (agent #${v.agent + 1})`]);
    expect(rows).toContainEqual(["report", `${env.types[v.agent]![v.report]} (type #${v.report + 1} of ${env.agents[v.agent]})`]);
    expect(rows).toContainEqual(["true profile", `(${v.trueProfile.map((k, j) => `${env.agents[j]}: ${env.types[j]![k]}`).join(", ")})`]);
    expect(rows).toContainEqual(["gain", qstr(v.gain)]);
    const bic = isBIC(env, mech, fp.beliefs!);
    if (bic.verdict !== "fails") throw new Error("first-price with truthful bids should fail BIC");
    const b = bic.violation;
    await saveAndShow("first-price-auction.json", b as unknown as Record<string, unknown>);
    const bicOut = (await show(join(dir, "bic.json"))).out;
    const other = 1 - b.agent;
    expect(textRows(bicOut, `Belief of ${env.agents[b.agent]} about the others' types`)).toEqual([env.types[other]!.map((t) => `${env.agents[other]}: ${t}`), b.belief.map(qstr)]);
    const bt = parseInstance(readFileSync(join(STORE_ROOT, "..", "examples", "instances", "bilateral-trade.json"), "utf8"));
    const eff = isExPostEfficient(bt.environment, bt.mechanism as DirectMechanism);
    if (eff.verdict !== "fails") throw new Error("the posted-price example should fail efficiency");
    const e = eff.violation;
    const effRows = await saveAndShow("bilateral-trade.json", e as unknown as Record<string, unknown>);
    expect(effRows).toContainEqual(["decision", `${bt.environment.decisions[e.decision]} (decision #${e.decision + 1})`]);
    expect(effRows).toContainEqual(["best decision", `${bt.environment.decisions[e.bestDecision]} (decision #${e.bestDecision + 1})`]);
  });

  it("a conjecture case saved with the default exact-JSON codec shows the environment, not only the violation", async () => {
    const r = await show(fixtures.defaultCodec);
    expect(r.code).toBe(0);
    expect(r.out).toContain("The case (an environment)");
    expect(textRows(r.out, "Valuations of agent 1")).toEqual([["type", "d1", "d2"], ["t1", "1/3", "0"], ["t2", "2", "0"]]);
    expect(textRows(r.out, "Valuations of agent 2").slice(1)).toEqual([["t1", "0", "1"], ["t2", "0", "5/7"], ["t3", "0", "-1"]]);
    const what = textRows(r.out, "What fails");
    expect(what).toContainEqual(["agent", "agent 2"]);
    expect(what).toContainEqual(["true profile", "(agent 1: t2, agent 2: t3)"]);
    expect(what).toContainEqual(["utility", "-3/4"]);
    const pay = textRows(r.out, "Per type profile: payments");
    const types = DEFAULT_CODEC_CASE.instance.types;
    const expected: string[][] = [];
    let k = 0;
    for (const a of types[0]!) for (const b of types[1]!) expected.push([a, b, ...DEFAULT_CODEC_CASE.violation.payments[k++]!]);
    expect(pay.slice(1)).toEqual(expected);
  });

  it("a case saved by `mechcheck conjecture` (README example, --store in a temp folder) shows like a catalogue case", async () => {
    const store = mkdtempSync(join(tmpdir(), "mechcheck-show-conj-"));
    const out: string[] = [];
    expect(await main(["conjecture", "examples/conjectures/pivot-ex-post-ir.ts", "--store", store, "--json", "--no-typecheck"], { out: (s) => out.push(s), err: (s) => out.push(s) })).toBe(1);
    const dir = join(store, "pivot-ex-post-ir");
    const file = join(dir, readdirSync(dir).find((f) => f.endsWith(".json"))!);
    const saved = JSON.parse(readFileSync(file, "utf8"));
    const r = await show(file);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/The case \(an (instance|environment)\)/);
    const agentLabel = (saved.instance.environment ?? saved.instance).agents[0];
    expect(textRows(r.out, "Agents and their types").slice(1)[0]!.slice(0, 2)).toEqual([/^\d+$/.test(agentLabel) ? `agent ${agentLabel}` : agentLabel, "1"]);
    expect(r.out).toMatch(/What fails/);
    expect(r.out).not.toMatch(/agent\s+0\b/);
  });

  it("every saved counterexample shows its case before its violation, with no opaque dotted fields and no 0-based agent", async () => {
    for (const f of savedFiles) {
      const r = await show(f);
      expect(r.code, f).toBe(0);
      const caseAt = r.out.indexOf("-- The case (");
      expect(caseAt, f).toBeGreaterThan(0);
      const violationAt = r.out.indexOf("-- The violation");
      if (violationAt >= 0) {
        expect(violationAt, f).toBeGreaterThan(caseAt);
        // At least one table between the two headings: the case itself.
        expect(r.out.slice(caseAt, violationAt).split("\n").some((l) => /^─+( +─+)*$/.test(l)), f).toBe(true);
      }
      expect(opaque(r.out), f).toEqual([]);
    }
    // Negative control: the checker flags what `show` printed before issue 13.
    expect(opaque("Violation (exact)\nfield       value\n──────────  ──────────\ncode        not-groves\nagent       0\npayments.1  [0]\nvalue       0.3333333")).toHaveLength(3);
  });

  it("the README's `show` sample is the command's real output (lines in order; '…' skips)", async () => {
    const readme = readFileSync(join(STORE_ROOT, "..", "README.md"), "utf8");
    const m = /\n\$ npx mechcheck show (\S+)\n([\s\S]*?)\n```/.exec(readme);
    expect(m, "README has a `$ npx mechcheck show …` block").not.toBeNull();
    const r = await show(join(STORE_ROOT, "..", m![1]!));
    expect(r.code).toBe(0);
    const actual = r.out.split("\n");
    let at = 0;
    for (const line of m![2]!.split("\n")) {
      if (line === "…") continue;
      const k = actual.indexOf(line, at);
      expect(k, `README line not in the output (in order): ${JSON.stringify(line)}`).toBeGreaterThanOrEqual(0);
      at = k + 1;
    }
  });

  it("Markdown: headings, well-formed tables, the same labels", async () => {
    const r = await show(join(STORE_ROOT, "green-laffont-all-grids", "case-5c1be214ef48.json"), "--format", "markdown");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^# green-laffont-all-grids/);
    expect(r.out).toContain("## The case (bilateral trade on grids, ties: trade)");
    expect(r.out).toContain("| type of buyer | type of seller | P(trade) | P(no-trade) | pays buyer | pays seller |");
    // Every table row has as many cells as its header.
    const lines = r.out.split("\n");
    for (let k = 0; k < lines.length; k++) {
      if (lines[k]!.startsWith("|---")) {
        const width = lines[k - 1]!.split(/(?<!\\)\|/).length;
        for (let j = k + 1; j < lines.length && lines[j]!.startsWith("|"); j++) expect(lines[j]!.split(/(?<!\\)\|/).length, lines[j]).toBe(width);
      }
    }
  });

  it("long tables are capped with an explicit '… N more profiles' line (--max-rows), and not capped when they fit", async () => {
    const file = join(STORE_ROOT, "revenue-equivalence-correlated", "case-3d315e3d2aa0.json");
    const capped = await show(file, "--max-rows", "3");
    expect(capped.code).toBe(0);
    expect(textRows(capped.out, "Common prior")).toHaveLength(1 + 3);
    expect(capped.out).toContain("… 1 more profiles (4 in all; the saved file has every one)");
    const full = await show(file);
    expect(textRows(full.out, "Common prior")).toHaveLength(1 + 4);
    expect(full.out).not.toContain("more profiles");
  });

  it("negative controls: a corrupted case file, --standalone without LaTeX and a bad --max-rows are one-line errors, exit 2", async () => {
    const dir = mkdtempSync(join(tmpdir(), "mechcheck-show-bad-"));
    const truncated = join(dir, "truncated.json");
    const text = readFileSync(join(STORE_ROOT, "dagv-interim-ir", "case-5c1be214ef48.json"), "utf8");
    writeFileSync(truncated, text.slice(0, Math.floor(text.length / 2)));
    const wrongField = join(dir, "wrong-field.json");
    writeFileSync(wrongField, JSON.stringify({ ...JSON.parse(text), format: 99 }));
    for (const [args, re] of [
      [[truncated], /invalid JSON/],
      [[wrongField], /field "format"/],
      [[join(STORE_ROOT, "dagv-interim-ir", "case-5c1be214ef48.json"), "--standalone"], /--standalone needs --format latex/],
      [[join(STORE_ROOT, "dagv-interim-ir", "case-5c1be214ef48.json"), "--max-rows", "0"], /--max-rows/],
    ] as const) {
      const r = await show(...args);
      expect(r.code, r.err).toBe(2);
      expect(r.err.trim().split("\n"), r.err).toHaveLength(1);
      expect(r.err).toMatch(/^mechcheck show: error \[/);
      expect(r.err).toMatch(re);
      expect(r.out).toBe("");
    }
  });
});
