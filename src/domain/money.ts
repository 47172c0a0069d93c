/** Parses a euro amount typed as 55, 55,50, 55.50 or "55,50 €" into cents. */
export function parseEuroAmount(raw: string | undefined): number | undefined {
  const value = (raw ?? "").trim().replace(/\s*€$/, "");
  if (!/^\d{1,5}([.,]\d{1,2})?$/.test(value)) return undefined;
  return Math.round(Number(value.replace(",", ".")) * 100);
}
