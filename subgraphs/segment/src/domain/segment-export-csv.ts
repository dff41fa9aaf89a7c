/** The export's columns, in order: the CSV's header line. */
export const EXPORT_COLUMNS = ['customer_id', 'shopify_customer_id', 'email', 'first_name', 'last_name', 'recency', 'frequency', 'monetary', 'segment', 'since'] as const;

/** What one line of the file says about a member. */
export interface ExportLine {
  customerId: string;
  shopifyCustomerId: string | null;
  email: string | null;
  firstName: string | null;
  lastName: string | null;
  recency: number | null;
  frequency: number | null;
  monetary: number | null;
  segment: string | null;
  since: Date | null;
}

/**
 * Characters a spreadsheet reads as the start of a formula (OWASP's list: `=`, `+`, `-`, `@`, and
 * tab and carriage return, which some applications strip before looking), after any leading
 * spaces, which spreadsheets skip too).
 */
const FORMULA_START = /^\s*[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/**
 * One cell, RFC 4180: quoted when it holds a quote, a comma, a line break or edge whitespace,
 * quotes doubled. A cell a spreadsheet would run as a formula (a name of `=HYPERLINK(…)`) is
 * prefixed with `'`, which spreadsheets show as text and do not run.
 */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A line of cells ending in CRLF, as RFC 4180 has it. */
export function csvLine(cells: (string | number | null)[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

export const EXPORT_HEADER = csvLine([...EXPORT_COLUMNS]);

export function exportLine(line: ExportLine): string {
  return csvLine([
    line.customerId,
    line.shopifyCustomerId,
    line.email,
    line.firstName,
    line.lastName,
    line.recency,
    line.frequency,
    line.monetary,
    line.segment,
    line.since?.toISOString() ?? null,
  ]);
}
