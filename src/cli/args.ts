/** A small, strict argument parser: unknown flags are errors that name the flag. */
import { MechcheckError } from "../errors.ts";

export interface FlagSpec {
  readonly [name: string]: "boolean" | "string" | "number";
}

export interface ParsedArgs {
  readonly positionals: string[];
  readonly flags: Record<string, string | number | boolean>;
}

export function parseArgs(command: string, args: readonly string[], spec: FlagSpec): ParsedArgs {
  const positionals: string[] = [];
  const flags: Record<string, string | number | boolean> = {};
  for (let k = 0; k < args.length; k++) {
    const a = args[k]!;
    if (!a.startsWith("--")) {
      positionals.push(a);
      continue;
    }
    const eq = a.indexOf("=");
    const name = a.slice(2, eq >= 0 ? eq : undefined);
    const type = spec[name];
    if (type === undefined) {
      throw new MechcheckError("usage", `${command}: unknown option --${name} (options: ${Object.keys(spec).map((s) => "--" + s).join(", ")})`, { path: `--${name}`, value: a });
    }
    if (type === "boolean") {
      flags[name] = true;
      continue;
    }
    const raw = eq >= 0 ? a.slice(eq + 1) : args[++k];
    if (raw === undefined) throw new MechcheckError("usage", `${command}: option --${name} needs a value`, { path: `--${name}` });
    if (type === "number") {
      const v = Number(raw);
      if (!/^-?\d+(\.\d+)?$/.test(raw) || !Number.isFinite(v)) throw new MechcheckError("usage", `${command}: option --${name} needs a number, got ${JSON.stringify(raw)}`, { path: `--${name}`, value: raw });
      flags[name] = v;
    } else flags[name] = raw;
  }
  return { positionals, flags };
}
