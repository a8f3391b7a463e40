/**
 * The bibliography: every paper and set of lecture notes the catalogue and the library cite, by key.
 * Citations elsewhere read `[Key, locator]` (e.g. `[Holmstrom1979, Thm 1]`, `[BernardMD3, Prop 7.14]`);
 * `docs/references.bib` and `docs/references.md` are generated from this list (`npm run references`)
 * and a test keeps them, and every key cited in `src/`, in sync with it.
 */

export type ReferenceType = "article" | "inproceedings" | "book" | "incollection" | "techreport" | "unpublished";

export interface Reference {
  readonly key: string;
  readonly type: ReferenceType;
  /** "Last, First and Last, First" (BibTeX order). */
  readonly authors: readonly string[];
  readonly title: string;
  readonly year: number | null;
  /** Journal, proceedings, publisher or "lecture notes, <course>". */
  readonly venue: string;
  readonly volume?: string;
  readonly number?: string;
  readonly pages?: string;
  readonly note?: string;
}

export const REFERENCES: readonly Reference[] = [
  // Lecture notes the catalogue was first written from.
  { key: "BrooksExPost2023", type: "unpublished", authors: ["Brooks, Benjamin"], title: "Ex post implementation", year: 2023, venue: "Lecture notes, ECON 289, Lecture 5, University of Chicago", note: "Spring 2023" },
  { key: "BrooksMaxmin2023", type: "unpublished", authors: ["Brooks, Benjamin"], title: "Maxmin mechanisms", year: 2023, venue: "Lecture notes, ECON 289, Lecture 6, University of Chicago", note: "Spring 2023" },
  { key: "BernardMD3", type: "unpublished", authors: ["Bernard, Benjamin"], title: "Mechanism Design III", year: null, venue: "Lecture notes, ECON 7219 Games with Incomplete Information, chapter 7", note: "Definitions and propositions numbered 6.x and 7.x" },
  { key: "ChungEly2002", type: "techreport", authors: ["Chung, Kim-Sau", "Ely, Jeffrey C."], title: "Ex-post incentive compatible mechanism design", year: 2002, venue: "Working paper, Department of Economics, Northwestern University", note: "Version of February 7, 2002" },
  { key: "Mishra2020", type: "unpublished", authors: ["Mishra, Debasis"], title: "Redistribution mechanisms", year: 2020, venue: "Lecture slides, Indian Statistical Institute", note: "April 15, 2020" },
  // Papers.
  { key: "Arrow1979", type: "incollection", authors: ["Arrow, Kenneth J."], title: "The property rights doctrine and demand revelation under incomplete information", year: 1979, venue: "Economics and Human Welfare (M. Boskin, ed.), Academic Press", pages: "23--39" },
  { key: "BergemannBrooksMorris2017", type: "article", authors: ["Bergemann, Dirk", "Brooks, Benjamin", "Morris, Stephen"], title: "First-price auctions with general information structures: implications for bidding and revenue", year: 2017, venue: "Econometrica", volume: "85", number: "1", pages: "107--143" },
  { key: "BergemannBrooksMorris2019", type: "article", authors: ["Bergemann, Dirk", "Brooks, Benjamin", "Morris, Stephen"], title: "Revenue guarantee equivalence", year: 2019, venue: "American Economic Review", volume: "109", number: "5", pages: "1911--1929" },
  { key: "BergemannBrooksMorris2020", type: "article", authors: ["Bergemann, Dirk", "Brooks, Benjamin", "Morris, Stephen"], title: "Countering the winner's curse: optimal auction design in a common value model", year: 2020, venue: "Theoretical Economics", volume: "15", number: "4", pages: "1399--1434" },
  { key: "BergemannMorris2005", type: "article", authors: ["Bergemann, Dirk", "Morris, Stephen"], title: "Robust mechanism design", year: 2005, venue: "Econometrica", volume: "73", number: "6", pages: "1771--1813" },
  { key: "BergemannMorris2016", type: "article", authors: ["Bergemann, Dirk", "Morris, Stephen"], title: "Bayes correlated equilibrium and the comparison of information structures in games", year: 2016, venue: "Theoretical Economics", volume: "11", number: "2", pages: "487--522" },
  { key: "Bikhchandani2006", type: "article", authors: ["Bikhchandani, Sushil", "Chatterji, Shurojit", "Lavi, Ron", "Mu'alem, Ahuva", "Nisan, Noam", "Sen, Arunava"], title: "Weak monotonicity characterizes deterministic dominant-strategy implementation", year: 2006, venue: "Econometrica", volume: "74", number: "4", pages: "1109--1132" },
  { key: "Border1991", type: "article", authors: ["Border, Kim C."], title: "Implementation of reduced form auctions: a geometric approach", year: 1991, venue: "Econometrica", volume: "59", number: "4", pages: "1175--1187" },
  { key: "BrooksDu2021", type: "article", authors: ["Brooks, Benjamin", "Du, Songzi"], title: "Optimal auction design with common values: an informationally robust approach", year: 2021, venue: "Econometrica", volume: "89", number: "3", pages: "1313--1360" },
  { key: "BulowKlemperer1996", type: "article", authors: ["Bulow, Jeremy", "Klemperer, Paul"], title: "Auctions versus negotiations", year: 1996, venue: "American Economic Review", volume: "86", number: "1", pages: "180--194" },
  { key: "Cavallo2006", type: "inproceedings", authors: ["Cavallo, Ruggiero"], title: "Optimal decision-making with minimal waste: strategyproof redistribution of VCG payments", year: 2006, venue: "Proceedings of the 5th International Joint Conference on Autonomous Agents and Multiagent Systems (AAMAS)", pages: "882--889" },
  { key: "ChungEly2007", type: "article", authors: ["Chung, Kim-Sau", "Ely, Jeffrey C."], title: "Foundations of dominant-strategy mechanisms", year: 2007, venue: "Review of Economic Studies", volume: "74", number: "2", pages: "447--476" },
  { key: "Clarke1971", type: "article", authors: ["Clarke, Edward H."], title: "Multipart pricing of public goods", year: 1971, venue: "Public Choice", volume: "11", pages: "17--33" },
  { key: "ConitzerSandholm2002", type: "inproceedings", authors: ["Conitzer, Vincent", "Sandholm, Tuomas"], title: "Complexity of mechanism design", year: 2002, venue: "Proceedings of the 18th Conference on Uncertainty in Artificial Intelligence (UAI)", pages: "103--110" },
  { key: "CramtonGibbonsKlemperer1987", type: "article", authors: ["Cramton, Peter", "Gibbons, Robert", "Klemperer, Paul"], title: "Dissolving a partnership efficiently", year: 1987, venue: "Econometrica", volume: "55", number: "3", pages: "615--632" },
  { key: "CremerMcLean1988", type: "article", authors: ["Crémer, Jacques", "McLean, Richard P."], title: "Full extraction of the surplus in Bayesian and dominant strategy auctions", year: 1988, venue: "Econometrica", volume: "56", number: "6", pages: "1247--1257" },
  { key: "dAspremontGerardVaret1979", type: "article", authors: ["d'Aspremont, Claude", "Gérard-Varet, Louis-André"], title: "Incentives and incomplete information", year: 1979, venue: "Journal of Public Economics", volume: "11", number: "1", pages: "25--45" },
  { key: "Gibbard1973", type: "article", authors: ["Gibbard, Allan"], title: "Manipulation of voting schemes: a general result", year: 1973, venue: "Econometrica", volume: "41", number: "4", pages: "587--601" },
  { key: "GreenLaffont1977", type: "article", authors: ["Green, Jerry", "Laffont, Jean-Jacques"], title: "Characterization of satisfactory mechanisms for the revelation of preferences for public goods", year: 1977, venue: "Econometrica", volume: "45", number: "2", pages: "427--438" },
  { key: "GreenLaffont1979", type: "book", authors: ["Green, Jerry R.", "Laffont, Jean-Jacques"], title: "Incentives in Public Decision-Making", year: 1979, venue: "North-Holland, Amsterdam" },
  { key: "Groves1973", type: "article", authors: ["Groves, Theodore"], title: "Incentives in teams", year: 1973, venue: "Econometrica", volume: "41", number: "4", pages: "617--631" },
  { key: "Holmstrom1979", type: "article", authors: ["Holmström, Bengt"], title: "Groves' scheme on restricted domains", year: 1979, venue: "Econometrica", volume: "47", number: "5", pages: "1137--1144" },
  { key: "Isermann1974", type: "article", authors: ["Isermann, Heinz"], title: "Proper efficiency and the linear vector maximum problem", year: 1974, venue: "Operations Research", volume: "22", number: "1", pages: "189--191" },
  { key: "JehielEtAl2006", type: "article", authors: ["Jehiel, Philippe", "Meyer-ter-Vehn, Moritz", "Moldovanu, Benny", "Zame, William R."], title: "The limits of ex post implementation", year: 2006, venue: "Econometrica", volume: "74", number: "3", pages: "585--610" },
  { key: "KosenokSeverinov2008", type: "article", authors: ["Kosenok, Grigory", "Severinov, Sergei"], title: "Individually rational, budget-balanced mechanisms and allocation of surplus", year: 2008, venue: "Journal of Economic Theory", volume: "140", number: "1", pages: "126--161" },
  { key: "Morris1994", type: "article", authors: ["Morris, Stephen"], title: "Trade with heterogeneous prior beliefs and asymmetric information", year: 1994, venue: "Econometrica", volume: "62", number: "6", pages: "1327--1347" },
  { key: "Myerson1981", type: "article", authors: ["Myerson, Roger B."], title: "Optimal auction design", year: 1981, venue: "Mathematics of Operations Research", volume: "6", number: "1", pages: "58--73" },
  { key: "MyersonSatterthwaite1983", type: "article", authors: ["Myerson, Roger B.", "Satterthwaite, Mark A."], title: "Efficient mechanisms for bilateral trading", year: 1983, venue: "Journal of Economic Theory", volume: "29", number: "2", pages: "265--281" },
  { key: "Rochet1987", type: "article", authors: ["Rochet, Jean-Charles"], title: "A necessary and sufficient condition for rationalizability in a quasi-linear context", year: 1987, venue: "Journal of Mathematical Economics", volume: "16", number: "2", pages: "191--200" },
  { key: "SaksYu2005", type: "inproceedings", authors: ["Saks, Michael", "Yu, Lan"], title: "Weak monotonicity suffices for truthfulness on convex domains", year: 2005, venue: "Proceedings of the 6th ACM Conference on Electronic Commerce (EC)", pages: "286--293" },
  { key: "Satterthwaite1975", type: "article", authors: ["Satterthwaite, Mark A."], title: "Strategy-proofness and Arrow's conditions: existence and correspondence theorems for voting procedures and social welfare functions", year: 1975, venue: "Journal of Economic Theory", volume: "10", number: "2", pages: "187--217" },
  { key: "Vickrey1961", type: "article", authors: ["Vickrey, William"], title: "Counterspeculation, auctions, and competitive sealed tenders", year: 1961, venue: "Journal of Finance", volume: "16", number: "1", pages: "8--37" },
];

const BY_KEY: ReadonlyMap<string, Reference> = new Map(REFERENCES.map((r) => [r.key, r]));

export function reference(key: string): Reference | undefined {
  return BY_KEY.get(key);
}

/** Every `[Key` or `[Key, locator]` citation in a text whose key looks like a bibliography key. */
export function citedKeys(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(/\[([A-Za-z][A-Za-z]*(?:\d{4}[a-z]?|MD3))(?=[,\]])/g)) out.add(m[1]!);
  return [...out].sort();
}

function surname(a: string): string {
  return a.split(",")[0]!.trim();
}

/** "Holmström (1979)", "Chung and Ely (2002)", "Bergemann, Brooks and Morris (2017)", "Jehiel et al. (2006)". */
export function shortCitation(r: Reference): string {
  const names = r.authors.map(surname);
  const who = names.length === 1 ? names[0]! : names.length === 2 ? `${names[0]} and ${names[1]}` : names.length === 3 ? `${names[0]}, ${names[1]} and ${names[2]}` : `${names[0]} et al.`;
  return `${who} (${r.year ?? "n.d."})`;
}

/** One readable line: authors, year, title, venue, volume(number), pages. */
export function formatReference(r: Reference): string {
  const authors = r.authors.map((a) => { const [last, first] = a.split(",").map((s) => s.trim()); return first ? `${first} ${last}` : last!; });
  const who = authors.length <= 2 ? authors.join(" and ") : `${authors.slice(0, -1).join(", ")} and ${authors[authors.length - 1]}`;
  const vol = r.volume ? ` ${r.volume}${r.number ? `(${r.number})` : ""}` : "";
  const pages = r.pages ? `, ${r.pages.replace("--", "–")}` : "";
  const note = r.note ? `. ${r.note}` : "";
  return `${who} (${r.year ?? "n.d."}). ${r.title}. ${r.venue}${vol}${pages}${note}.`;
}

function bibEscape(s: string): string {
  return s.replace(/[{}]/g, "").replace(/é/g, "{\\'e}").replace(/ö/g, "{\\\"o}").replace(/É/g, "{\\'E}");
}

export function toBibTeX(refs: readonly Reference[] = REFERENCES): string {
  const venueField: Record<ReferenceType, string> = { article: "journal", inproceedings: "booktitle", book: "publisher", incollection: "booktitle", techreport: "institution", unpublished: "howpublished" };
  const blocks = refs.map((r) => {
    const fields: [string, string][] = [["author", r.authors.join(" and ")], ["title", r.title], [venueField[r.type], r.venue]];
    if (r.year !== null) fields.push(["year", String(r.year)]);
    if (r.volume) fields.push(["volume", r.volume]);
    if (r.number) fields.push(["number", r.number]);
    if (r.pages) fields.push(["pages", r.pages]);
    if (r.note) fields.push(["note", r.note]);
    const type = r.type === "unpublished" ? "misc" : r.type;
    return `@${type}{${r.key},\n${fields.map(([k, v]) => `  ${k.padEnd(12)} = {${bibEscape(v)}}`).join(",\n")}\n}`;
  });
  return `% Generated from src/references.ts by \`npm run references\`; do not edit by hand.\n\n${blocks.join("\n\n")}\n`;
}

export function toMarkdown(refs: readonly Reference[] = REFERENCES): string {
  const lines = ["# References", "", "Generated from `src/references.ts` by `npm run references`. The catalogue and the library cite these by key, as `[Key, proposition or section]`.", "", "| key | reference |", "|---|---|"];
  for (const r of [...refs].sort((a, b) => a.key.localeCompare(b.key))) lines.push(`| \`${r.key}\` | ${formatReference(r).replace(/\|/g, "\\|")} |`);
  return lines.join("\n") + "\n";
}
