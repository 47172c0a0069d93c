/** A company that processes the customers' data for the practice (GDPR Art. 28), and where. */
export interface Processor {
  name: string;
  /** ISO 3166-1 alpha-2 codes of the countries where it processes the data, e.g. ["FI"]. */
  countries: string[];
}

/** The EU member states and the other EEA countries (ISO 3166-1 alpha-2; Greece is GR). */
const EEA = new Set([
  "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT",
  "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO",
]);

/** True when the country is in the EU or the EEA, so processing there is no transfer under GDPR chapter V. */
export function isInEea(country: string): boolean {
  return EEA.has(country);
}

const regionNames = new Intl.DisplayNames("en", { type: "region", fallback: "none" });
/** Codes Intl names that are not countries. */
const NOT_COUNTRIES = new Set(["ZZ", "EU", "EZ", "UN", "QO"]);

/**
 * Parses PRIVACY_PROCESSORS: "Name: FI; Other Ltd: IE, US", or "none" when the practice runs the
 * server and database itself. Returns the processors, or a message saying what is wrong.
 */
export function parseProcessors(raw: string): Processor[] | string {
  const value = raw.trim();
  if (value.toLowerCase() === "none") return [];
  const processors: Processor[] = [];
  for (const entry of value.split(";").map((e) => e.trim()).filter(Boolean)) {
    const colon = entry.lastIndexOf(":");
    const name = colon > 0 ? entry.slice(0, colon).trim() : "";
    const countries = colon > 0 ? entry.slice(colon + 1).split(/[\s,]+/).filter(Boolean).map((c) => c.toUpperCase()) : [];
    if (!name || countries.length === 0) return `entry "${entry}" must be "Name: country code(s)", e.g. "UpCloud Oy: FI"`;
    const unknown = countries.find((c) => !/^[A-Z]{2}$/.test(c) || NOT_COUNTRIES.has(c) || regionNames.of(c) === undefined);
    if (unknown) return `"${unknown}" in "${entry}" is not an ISO 3166 country code such as FI, SE or IE`;
    processors.push({ name, countries });
  }
  if (processors.length === 0) return "must name at least one processor, or be none";
  return processors;
}
