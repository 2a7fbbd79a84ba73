/** Byte budgets of the built extension: the benchmark reports against them, tests/unit/content-size.test.ts asserts them. */

/** The content script every catalog page runs, gzipped (issue 13: 6 KB; it was 14.5 KB with the panel in the page). */
export const CONTENT_SCRIPT_BUDGET_KB = 6;
/** The booking hosts' script (the portal script plus the guide's page reading), gzipped. */
export const BOOKING_SCRIPT_BUDGET_KB = 7;
