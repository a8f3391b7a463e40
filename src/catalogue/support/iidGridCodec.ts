/** Codec of an i.i.d. grid auction (src/generators/iidGrid.ts): the grid's codec plus n. */
import { gridBiddersCodec } from "../../auctions/discreteMyerson.ts";
import { MechcheckError } from "../../errors.ts";
import type { IidGridAuction } from "../../generators/iidGrid.ts";
import type { CaseCodec } from "../types.ts";

export const iidGridCodec: CaseCodec<IidGridAuction> = {
  encode: (x) => ({ ...(gridBiddersCodec.encode(x.grid) as object), n: x.n }),
  decode: (j) => {
    const n = (j as { n?: unknown })?.n;
    if (typeof n !== "number" || !Number.isInteger(n) || n < 1 || n > 4) throw new MechcheckError("bad-case", `case.n = ${String(n)}: need an integer in [1, 4]`, { path: "case.n", value: n });
    const grid = gridBiddersCodec.decode(j);
    if (grid.values.length !== 1) throw new MechcheckError("bad-case", `case.values: ${grid.values.length} grids, an i.i.d. auction has one`, { path: "case.values", value: grid.values.length });
    return { grid, n };
  },
};
