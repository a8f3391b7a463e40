/**
 * The Brooks–Du study (`mechcheck study brooks-du [--N n] [--max-k k] [--values 0,1] [--probs 1/2,1/2] [--dual] [--json]`, alias `mechcheck brooks-du`):
 * the Brooks–Du table ([BrooksMaxmin2023, *Key facts from simulations* … *Revenue guarantee when N is
 * large*]): for Δ = 1, 1/2, …, 1/2^k on the notes' grids {0, Δ, …, 1/Δ}, the exact values of the
 * max-guarantee lower bound (SVO⁺), its proportional-allocation restriction, the min-potential upper
 * bound (IVO) and (with --dual) the dual SVO⁻, against the closed form R* = ∫ ŵ g_{N−1} for the
 * discrete value distribution (a certified rational bracket). Text output shows decimals rounded
 * exactly (lower bounds down, upper bounds up); --json prints every value as an exact fraction.
 * Exit 0 when every row passes its checks (src/constructions/brooksDuTable.ts), 1 otherwise.
 * The LP sizes grow like 4^{kN}: N = 2, k = 3 takes a few minutes.
 */
import { MechcheckError } from "../errors.ts";
import { q, qstr, type Q } from "../exact/rational.ts";
import { loadLpEngine } from "../lp/solve.ts";
import { validateAuction, type CommonValueAuction } from "../robust/commonValueAuction.ts";
import { brooksDuTable, decimal, type BrooksDuRow } from "../robust/commonValueAuctionTable.ts";
import type { Study, StudyFlags, StudyIO } from "./types.ts";
import { textTable as table } from "../format/table.ts";

function list(raw: string, what: string): Q[] {
  return raw.split(",").map((s, k) => q(s.trim(), `--${what}[${k}]`));
}

async function run(flags: StudyFlags, io: StudyIO): Promise<number> {
  const N = (flags.N as number | undefined) ?? 2;
  const maxK = (flags["max-k"] as number | undefined) ?? (N === 2 ? 3 : N === 3 ? 2 : 1);
  if (!Number.isInteger(N) || N < 2 || N > 6) throw new MechcheckError("usage", `brooks-du: --N must be an integer in 2..6, got ${N}`, { path: "--N", value: N });
  if (!Number.isInteger(maxK) || maxK < 0 || maxK > 6) throw new MechcheckError("usage", `brooks-du: --max-k must be an integer in 0..6, got ${maxK}`, { path: "--max-k", value: maxK });
  const values = list((flags.values as string | undefined) ?? "0,1", "values");
  const probs = flags.probs !== undefined ? list(flags.probs as string, "probs") : values.map(() => q(1).div(q(values.length)));
  const auction: CommonValueAuction = { bidders: N, values, mu: probs };
  validateAuction(auction);
  await loadLpEngine();
  const json = flags.json === true;
  if (!json) {
    io.out(`Brooks–Du bounds, N = ${N}, values ${values.map(qstr).join(", ")} with probabilities ${probs.map(qstr).join(", ")}; grids {0, Δ, …, 1/Δ}`);
  }
  const t = brooksDuTable(auction, {
    maxK,
    proportional: flags["no-proportional"] !== true,
    dual: flags.dual === true,
    onRow: json ? undefined : (r) => io.err(`  Δ = ${qstr(r.delta)} done (${r.ms} ms)`),
  });
  if (json) {
    io.out(
      JSON.stringify(
        {
          bidders: N,
          values: values.map(qstr),
          probs: probs.map(qstr),
          closedForm: { lo: qstr(t.closedForm.lo), hi: qstr(t.closedForm.hi), quantiles: t.closedForm.quantiles.map(([a, b]) => [qstr(a), qstr(b)]) },
          uniformReference: qstr(t.uniformReference),
          rows: t.rows.map((r: BrooksDuRow) => ({
            delta: qstr(r.delta),
            K: r.K,
            profiles: r.profiles,
            lower: qstr(r.lower),
            proportional: r.proportional ? qstr(r.proportional) : null,
            upper: qstr(r.upper),
            svoMinus: r.svoMinus ? qstr(r.svoMinus) : null,
            gap: qstr(r.gap),
            ms: r.ms,
            problems: r.problems,
          })),
          ok: t.problems.length === 0,
          problems: t.problems,
        },
        null,
        2,
      ),
    );
  } else {
    const D = 6;
    const head = ["Δ", "K = 1/Δ²", "profiles", "lower SVO⁺", "proportional", "upper IVO", "gap", ...(flags.dual ? ["SVO⁻ = IVO"] : []), "checks"];
    const rows = t.rows.map((r) => [
      qstr(r.delta),
      String(r.K),
      String(r.profiles),
      decimal(r.lower, D, "down"),
      r.proportional ? decimal(r.proportional, D, "down") : "—",
      decimal(r.upper, D, "up"),
      decimal(r.gap, D, "up"),
      ...(flags.dual ? [r.svoMinus && r.svoMinus.equals(r.upper) ? "yes" : "NO"] : []),
      r.problems.length === 0 ? "ok" : r.problems.join("; "),
    ]);
    io.out(table(head, rows));
    io.out(`closed form R* = ∫ ŵ g_${N - 1} ∈ [${decimal(t.closedForm.lo, 12, "down")}, ${decimal(t.closedForm.hi, 12, "up")}] (certified bracket; width < 1e-30)`);
    io.out(`for reference, continuous uniform values on [0, 1]: R* = ${qstr(t.uniformReference)} exactly`);
    io.out("decimals are exact roundings of exact rationals (lower bounds down, upper bounds up); --json prints the fractions");
    io.out(t.problems.length === 0 ? "all checks passed: lower ≤ R* ≤ upper on every row, gaps decreasing, IVO signals = discretized exponentials" : `PROBLEMS:\n${t.problems.map((p) => `  ${p}`).join("\n")}`);
  }
  return t.problems.length === 0 ? 0 : 1;
}

export const brooksDuStudy: Study = {
  name: "brooks-du",
  summary: "Brooks–Du bounds table (common-value auction): max-guarantee lower bound, min-potential upper bound, closed form",
  run,
};
