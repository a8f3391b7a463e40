/** Where the package's own files are, independent of the working directory. */
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const PACKAGE_ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
export const STORE_ROOT = join(PACKAGE_ROOT, "counterexamples");
