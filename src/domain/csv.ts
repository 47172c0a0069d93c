/**
 * A cell that a spreadsheet would run as a formula ("=HYPERLINK(…)", "+1+cmd|…", "@SUM(…)") gets a
 * leading apostrophe so it stays text (CSV injection). A plain number with a sign — a phone
 * number in international form, "+358401234567" — cannot run anything and is left alone, so the
 * practitioner's SMS tool gets it as it is.
 */
export function neutraliseFormula(value: string): string {
  if (/^\+\d+$/.test(value)) return value;
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/**
 * A CSV file as text (RFC 4180): every field quoted, inner quotes doubled, CRLF line ends, each
 * field neutralised against formula injection, and a UTF-8 byte order mark first so Excel reads
 * ä and ö right.
 */
export function toCsv(rows: readonly (readonly string[])[]): string {
  const line = (row: readonly string[]) => row.map((v) => `"${neutraliseFormula(v).replace(/"/g, '""')}"`).join(",");
  return `\uFEFF${rows.map(line).join("\r\n")}\r\n`;
}
