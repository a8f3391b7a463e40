// Types of scripts/cli-bundle.mjs (for the tests that import it).
export declare const KEEP: number;
export declare const PRUNE_AFTER_MS: number;
export declare const ENTRIES: Readonly<Record<"main" | "poolWorker", string>>;
export declare const TSX_COMMANDS: readonly string[];
export declare function usesBundle(argv: readonly string[], env?: Record<string, string | undefined>): boolean;
export declare function esbuildVersion(root: string): string;
export declare function bundleKey(root: string, version?: string): string;
export declare function cacheDir(root: string): string;
export interface EsbuildLike {
  build(options: Record<string, unknown>): Promise<unknown>;
}
export declare function buildBundle(root: string, outdir: string, esbuild: EsbuildLike): Promise<void>;
export declare function prune(dir: string, keepKey: string, now?: number): void;
export interface CliBundle {
  readonly key: string;
  /** The key folder. */
  readonly dir: string;
  /** File URLs of the entries. */
  readonly main: string;
  readonly poolWorker: string;
}
export declare function cliBundle(root: string, opts?: { esbuild?: EsbuildLike; onBuild?: (key: string) => void; onError?: (e: unknown) => void }): Promise<CliBundle | null>;
