/**
 * Public API: src/socialChoice (the subpath `mechcheck/social-choice`): [Gibbard1973] and [Satterthwaite1975] on small domains by SAT, with an independently checked core.
 *
 * @module mechcheck/social-choice
 */
export * from "./gibbardSatterthwaite.ts";
