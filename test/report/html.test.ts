/**
 * The HTML report (src/report/html.ts, `mechcheck report --html`): text is escaped (a hostile label
 * is text, never markup), every formula the catalogue's statements and the curated counterexamples
 * produce typesets without a KaTeX error, citations resolve to full references, and the command
 * writes a new folder only (exit 2, one line, nothing left behind otherwise). Each check has its
 * negative control. The same site in a real browser: test/report/browser.test.ts.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { THEOREMS } from "../../src/catalogue/index.ts";
import { main } from "../../src/cli/main.ts";
import { STORE_ROOT } from "../../src/paths.ts";
import { citedKeys, formatReference, reference } from "../../src/references.ts";
import { caseTables, cellHtml, escapeHtml, formulasOf, htmlReport, jsonTables, mathText, MAX_TABLE_ROWS, pageName, tableHtml, type HtmlEntry } from "../../src/report/html.ts";
import { certificateSample, findProof } from "../../src/report/certificateSample.ts";
import { loadLpEngine } from "../../src/lp/solve.ts";
import type { Theorem } from "../../src/catalogue/types.ts";
import { loadCounterexamples } from "../../src/store/counterexamples.ts";
import { capture, oneLineErrors } from "../cli/hostile-support.ts";

const META = { version: "test", command: "mechcheck report (test)" };
const KATEX_SPANS = /<span class="katex">/g;

/** Raw markup a hostile string could inject: an element or attribute it opened itself. */
function injected(html: string): string[] {
  return [/<script/i, /<img/i, /<b>/i, /<\/td><td>evil/].filter((re) => re.test(html)).map(String);
}

const HOSTILE = `<script>alert("x")</script> & <img src=x onerror=alert(1)> 'q'`;

function hostileEntry(): HtmlEntry {
  const instance = {
    mechcheck: 1,
    environment: { agents: ["<script>"], types: { "<script>": ["<b>t1</b>", "t2"] }, decisions: ["</td><td>evil", "d2"], valuation: { "<script>": { "<b>t1</b>": { "</td><td>evil": "1/2" }, t2: { d2: "-3" } } } },
  };
  return {
    theorem: { id: "hostile", kind: "refutation", source: `[Myerson1981, ${HOSTILE}]`, statement: `${HOSTILE} with p_i(θ) ≥ 0` },
    run: { id: "hostile", outcome: "refuted", ok: true, cases: 3, casesMeetingHypothesis: 3, seed: 1, runs: 3, tags: { [HOSTILE]: 3 }, replayed: [], counterexample: { instance, violation: { label: HOSTILE, gap: "1/3", proof: HOSTILE }, message: HOSTILE, seed: 1, path: "0", numShrinks: 0 } },
  };
}

describe("escaping", () => {
  it("a hostile label, statement, tag, message and proof appear as text, never as markup", () => {
    const files = htmlReport([hostileEntry()], META);
    const page = files.get(pageName("hostile"))!;
    const index = files.get("index.html")!;
    expect(injected(page)).toEqual([]);
    expect(injected(index)).toEqual([]);
    expect(page).toContain("&lt;script&gt;"); // the label, as text
    expect(page).toContain(escapeHtml(HOSTILE));
    expect(page).toContain(`<pre class="proof">${escapeHtml(HOSTILE)}</pre>`);
    // the hostile agent label reached a counterexample table (the instance's or the raw fields')
    expect(page).toMatch(/<td>&lt;script&gt;/);
    // negative control: the detector sees the same strings unescaped
    expect(injected(`<td>${HOSTILE}</td>`).length).toBeGreaterThan(0);
  });

  it("escapeHtml and cellHtml: all five specials; rationals typeset, anything else text", () => {
    expect(escapeHtml(`<>&"'`)).toBe("&lt;&gt;&amp;&quot;&#39;");
    expect(cellHtml("3/7")).toContain('<span class="katex">');
    expect(cellHtml("3/7")).toContain('title="3/7"');
    expect(cellHtml("-12")).toBe('<span class="num" title="-12">−12</span>');
    expect(cellHtml("[1/3, -1, 3]").match(KATEX_SPANS)?.length).toBe(1);
    expect(cellHtml("3/7<script>")).toBe("3/7&lt;script&gt;");
    expect(cellHtml("[1/3, <b>]")).toBe("[1/3, &lt;b&gt;]");
  });

  it("page names are safe file names, never the index", () => {
    expect(pageName("vcg-dsic")).toBe("vcg-dsic.html");
    expect(pageName("../../etc/passwd")).toBe("______etc_passwd.html");
    expect(pageName("index")).toBe("id-index.html");
    expect(() => htmlReport([hostileEntry(), hostileEntry()], META)).toThrow(/share the page/);
  });
});

describe("math", () => {
  it("every formula of every catalogue statement typesets without a KaTeX error", () => {
    let formulas = 0;
    for (const t of THEOREMS) {
      const html = mathText(t.statement);
      expect(html, t.id).not.toContain("katex-error");
      const n = formulasOf(t.statement).length;
      expect(html.match(KATEX_SPANS)?.length ?? 0, t.id).toBe(n);
      formulas += n;
    }
    expect(formulas).toBeGreaterThan(0);
  });

  it("every table cell of every curated counterexample typesets without a KaTeX error", () => {
    const records = loadCounterexamples(STORE_ROOT);
    expect(records.length).toBeGreaterThan(0);
    let fractions = 0;
    for (const { file, record } of records) {
      const html = caseTables(record.instance).map((t) => tableHtml(t)).join("\n") + mathText(record.message);
      expect(html, file).not.toContain("katex-error");
      fractions += html.match(KATEX_SPANS)?.length ?? 0;
    }
    expect(fractions).toBeGreaterThan(0);
  });

  it("finds the formulas of a sentence, and none in plain prose", () => {
    expect(formulasOf("allocation iff n Σ_{t∈S} f(t)Q(t) ≤ 1 − (1 − f(S))^n for every S ⊆ T; the LP's")).toEqual(["n \\sum _{t∈S} f(t)Q(t) ≤ 1 - (1 - f(S))^n", "S ⊆ T"]);
    expect(formulasOf("On {0,…,K}² impossibility holds exactly for K ≥ 3.")).toEqual(["\\{0,\\ldots ,K\\}^2", "K ≥ 3"]);
    expect(formulasOf("(v_1 ≡ v_2): the optimum E[max(max_i φ̄_i(θ_i), 0)]")).toEqual(["(v_1 ≡ v_2)", "\\max_i", "φ̄_i(θ_i)"]);
    expect(formulasOf("a tie: (i) the agents, e.g. 3 alternatives, 2 or 3 voters — first-index tie-break (CM).")).toEqual([]);
  });

  it("negative control: a broken formula is a visible katex-error, not silently dropped", () => {
    const html = mathText("broken a_{\\nosuchmacro} here");
    expect(formulasOf("broken a_{\\nosuchmacro} here")).toEqual(["a_{\\nosuchmacro}"]);
    expect(html).toContain("katex-error");
  });
});

describe("tables", () => {
  it("an array of records with the same fields is a table of its own; anything else dotted key/value rows", () => {
    const [main, farkas] = jsonTables("C", { conflict: "x", lp: { farkas: [{ row: "a", weight: "1/2" }, { row: "b", weight: "2" }], proof: "P" }, list: ["1", "2"] });
    expect(main!.rows).toEqual([["conflict", "x"], ["list", "[1, 2]"]]);
    expect(farkas).toEqual({ caption: "C: lp.farkas", headers: ["#", "row", "weight"], rows: [["1", "a", "1/2"], ["2", "b", "2"]] });
    // negative control: records with different fields stay key/value rows
    const [only, ...none] = jsonTables("C", { xs: [{ a: "1" }, { b: "2" }] });
    expect(none).toEqual([]);
    expect(only!.rows).toEqual([["xs.0.a", "1"], ["xs.1.b", "2"]]);
  });

  it("a long table ends with an explicit '… N more rows' row", () => {
    const rows = Array.from({ length: MAX_TABLE_ROWS + 5 }, (_, k) => [String(k)]);
    const html = tableHtml({ caption: "long", headers: ["k"], rows });
    expect(html.match(/<tr>/g)?.length).toBe(MAX_TABLE_ROWS + 1); // header row + shown rows
    expect(html).toContain("… 5 more rows");
    expect(tableHtml({ caption: "short", headers: ["k"], rows: rows.slice(0, 3) })).not.toContain("more row");
  });
});

describe("one case and its certificate", () => {
  beforeAll(async () => {
    await loadLpEngine();
  });

  it("is the same at the same seed, passes the check again from its saved form, and prefers a certificate with a proof", () => {
    const thm = THEOREMS.find((t) => t.id === "green-laffont")!;
    const a = certificateSample(thm, 20261123, { maxCases: 10 });
    const b = certificateSample(thm, 20261123, { maxCases: 10 });
    expect(a).not.toBeNull();
    expect(b).toEqual(a);
    expect(findProof(a!.certificate)).toMatch(/contradiction/);
    expect(thm.check(thm.codec.decode(a!.instance)).ok).toBe(true);
    const page = htmlReport([{ theorem: thm, run: { id: thm.id, outcome: "holds", ok: true, cases: 1, casesMeetingHypothesis: 1, seed: 20261123, runs: 1 }, example: a! }], META).get(pageName(thm.id))!;
    expect(page).toContain('<section class="certificate-example">');
    expect(page).toContain(`<pre class="proof">${escapeHtml(findProof(a!.certificate)!)}</pre>`);
  });

  it("negative controls: no certificate, a failing check or a throwing check give no sample", () => {
    const base = THEOREMS.find((t) => t.id === "vcg-dsic")! as Theorem;
    expect(certificateSample({ ...base, check: () => ({ ok: true }) }, 1)).toBeNull();
    expect(certificateSample({ ...base, check: () => ({ ok: false, violation: 1, message: "no" }) }, 1)).toBeNull();
    expect(certificateSample({ ...base, check: () => { throw new Error("boom"); } }, 1)).toBeNull();
    expect(certificateSample({ ...base, check: () => ({ ok: true, certificate: { x: "1/2" } }) }, 1)).toMatchObject({ index: 0, certificate: { x: "1/2" } });
  });
});

describe("citations", () => {
  it("every key a statement's source cites is resolved to its full reference on its page", () => {
    const t = THEOREMS.find((x) => citedKeys(x.source).length >= 2)!;
    const entry: HtmlEntry = { theorem: t, run: { id: t.id, outcome: "holds", ok: true, cases: 1, casesMeetingHypothesis: 1, seed: 0, runs: 1 } };
    const page = htmlReport([entry], META).get(pageName(t.id))!;
    for (const k of citedKeys(t.source)) {
      expect(page).toContain(`id="ref-${k}"`);
      expect(page).toContain(escapeHtml(formatReference(reference(k)!)));
      expect(page).toContain(`href="#ref-${k}"`);
    }
    // negative control: an unknown key is said to be missing, not silently resolved
    const bad = htmlReport([{ ...entry, theorem: { ...t, source: "[Nobody1999, Thm 1]" } }], META).get(pageName(t.id))!;
    expect(bad).toContain("(not in the bibliography)");
  });
});

describe("mechcheck report --html", () => {
  const dir = mkdtempSync(join(tmpdir(), "mechcheck-report-"));
  const results = join(dir, "results.json");
  const ids = ["dsic-efficient-is-groves", "vcg-dsic"];

  async function run(args: string[]) {
    const c = capture();
    const code = await main(args, c.io);
    return { code, out: c.text(), err: c.errText(), c };
  }

  beforeAll(async () => {
    const r = await run(["check", ...ids, "--runs", "10", "--json", "--no-save", "--no-timing", "--jobs", "1"]);
    writeFileSync(results, r.out);
  });

  it("--from a check --json result: index with one row per id, a page per id, KaTeX's stylesheet and fonts shipped; byte-identical twice", async () => {
    const a = await run(["report", "--html", join(dir, "a"), "--from", results]);
    expect(a.code, a.err).toBe(0);
    expect(a.out).toMatch(/wrote .*index\.html \(2 pages/);
    const files = readdirSync(join(dir, "a")).sort();
    expect(files).toEqual(["dsic-efficient-is-groves.html", "index.html", "katex", "style.css", "vcg-dsic.html"]);
    expect(readdirSync(join(dir, "a", "katex", "fonts")).filter((f) => f.endsWith(".woff2")).length).toBeGreaterThan(0);
    const css = readFileSync(join(dir, "a", "katex", "katex.min.css"), "utf8");
    for (const m of css.matchAll(/url\((fonts\/[^)]+)\)/g)) expect(existsSync(join(dir, "a", "katex", m[1]!)), m[1]).toBe(true);
    const index = readFileSync(join(dir, "a", "index.html"), "utf8");
    expect(index.match(/<tr class="(ok|not-ok)">/g)?.length).toBe(ids.length);
    const refutation = readFileSync(join(dir, "a", "dsic-efficient-is-groves.html"), "utf8");
    expect(refutation).toContain('<div class="counterexample">');
    expect(refutation).not.toContain("katex-error");
    const b = await run(["report", "--html", join(dir, "b"), "--from", results]);
    expect(b.code).toBe(0);
    expect(readFileSync(join(dir, "b", "index.html"), "utf8")).toBe(index.replace("--html a", "--html b"));
    // only the named ids, when given
    const c = await run(["report", "--html", join(dir, "c"), "vcg-dsic", "--from", results]);
    expect(c.code).toBe(0);
    expect(readdirSync(join(dir, "c"))).not.toContain("dsic-efficient-is-groves.html");
  });

  it("runs the ids itself (exit 0 when every verdict is as expected) and accepts an existing empty folder", async () => {
    mkdirSync(join(dir, "empty"));
    const r = await run(["report", "--html", join(dir, "empty"), "vcg-dsic", "--runs", "5", "--seed", "7"]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/vcg-dsic\s+theorem/);
    expect(readFileSync(join(dir, "empty", "vcg-dsic.html"), "utf8")).toContain("seed 7, 5 runs");
  });

  it("never overwrites: a non-empty folder or a file is refused (exit 2, one line), nothing is left behind", async () => {
    mkdirSync(join(dir, "full"));
    writeFileSync(join(dir, "full", "mine.txt"), "user's file");
    writeFileSync(join(dir, "afile"), "user's file");
    mkdirSync(join(dir, "emptytarget"));
    symlinkSync(join(dir, "emptytarget"), join(dir, "alink"));
    for (const [target, msg] of [
      [join(dir, "full"), /exists and is not empty; give a new folder/],
      [join(dir, "afile"), /is a file; give a new folder/],
      [join(dir, "alink"), /is a symbolic link; give a new folder/],
    ] as const) {
      const before = readdirSync(dir).sort();
      const r = await run(["report", "--html", target, "--from", results]);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(msg);
      expect(oneLineErrors(r.c.err, r.c.out)).toBeNull();
      expect(readdirSync(dir).sort()).toEqual(before); // no temporary folder left
    }
    expect(readFileSync(join(dir, "full", "mine.txt"), "utf8")).toBe("user's file");
    expect(readFileSync(join(dir, "afile"), "utf8")).toBe("user's file");
  });

  it("bad flags and bad --from files: one line naming the field, exit 2, before anything is written", async () => {
    const bad = (name: string, text: string) => {
      const f = join(dir, name);
      writeFileSync(f, text);
      return f;
    };
    const json = JSON.parse(readFileSync(results, "utf8"));
    const cases: [string[], RegExp][] = [
      [["report"], /--html <dir> is required/],
      [["report", "--html", join(dir, "x1"), "--from", results, "--runs", "5"], /--runs cannot be used with --from/],
      [["report", "--html", join(dir, "x2"), "--runs", "0", "vcg-dsic"], /--runs/],
      [["report", "--html", join(dir, "x3"), "--seed", "-1", "vcg-dsic"], /--seed/],
      [["report", "--html", join(dir, "x4"), "no-such-id"], /no theorem with id "no-such-id"/],
      [["report", "--html", join(dir, "x5"), "--from", join(dir, "missing.json")], /cannot read/],
      [["report", "--html", join(dir, "x6"), "--from", bad("notjson.json", "{ nope")], /not valid JSON/],
      [["report", "--html", join(dir, "x7"), "--from", bad("empty.json", '{"results": []}')], /results should be a non-empty array/],
      [["report", "--html", join(dir, "x8"), "--from", bad("badid.json", JSON.stringify({ results: [{ ...json.results[0], id: "nope" }] }))], /results\[0\]\.id should be a catalogue id/],
      [["report", "--html", join(dir, "x9"), "--from", bad("badout.json", JSON.stringify({ results: [{ ...json.results[0], outcome: "great" }] }))], /results\[0\]\.outcome should be one of/],
      [["report", "--html", join(dir, "x10"), "--from", bad("badcases.json", JSON.stringify({ results: [{ ...json.results[0], cases: -1 }] }))], /results\[0\]\.cases should be a non-negative integer/],
      [["report", "--html", join(dir, "x11"), "--from", results, "myerson-discrete"], /ids should be an id present in/],
    ];
    for (const [args, msg] of cases) {
      const r = await run(args);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.err, args.join(" ")).toMatch(msg);
      expect(oneLineErrors(r.c.err, r.c.out), args.join(" ")).toBeNull();
    }
    expect(readdirSync(dir).filter((f) => /^x\d+$/.test(f) || f.startsWith(".tmp-"))).toEqual([]);
  });
});
