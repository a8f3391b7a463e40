/** The JSON codec and a one-line description of public-good provision cases on finite grids (src/publicGoods/provisionImpossibility.ts). */
import { type PgCase } from "../publicGoods/provisionImpossibility.ts";
import { MechcheckError } from "../errors.ts";
import { q, qstr, type Q } from "../exact/rational.ts";

export const gridJson = (c: PgCase) => ({ values: c.values.map((g) => g.map(qstr)), cost: qstr(c.cost), tie: c.tie, ...(c.marginals ? { marginals: c.marginals.map((m) => m.map(qstr)) } : {}) });
export function parsePgCase(o: Record<string, unknown>): PgCase {
  const lists = (v: unknown, where: string): Q[][] => {
    if (!Array.isArray(v)) throw new MechcheckError("bad-case", `${where}: expected a list of lists`, { path: where });
    return v.map((g, i) => (g as unknown[]).map((x, k) => q(x as string, `${where}[${i}][${k}]`)));
  };
  if (o.tie !== "provide" && o.tie !== "not") throw new MechcheckError("bad-case", 'tie must be "provide" or "not"', { path: "tie" });
  return { values: lists(o.values, "values"), cost: q(o.cost as string, "cost"), tie: o.tie, ...(o.marginals !== undefined ? { marginals: lists(o.marginals, "marginals") } : {}) };
}

export const pgCaseCodec = {
  encode: (c: PgCase): unknown => gridJson(c),
  decode: (j: unknown): PgCase => parsePgCase(j as Record<string, unknown>),
};

export function describePgCase(c: PgCase): string {
  return `values ${c.values.map((g) => `{${g.map(qstr).join(", ")}}`).join(" × ")}, c = ${qstr(c.cost)}, ties: ${c.tie}`;
}
