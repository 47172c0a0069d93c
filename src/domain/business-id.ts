const WEIGHTS = [7, 9, 10, 5, 8, 4, 2];

/**
 * Checks a Finnish business id (Y-tunnus): seven digits, a hyphen and a check digit
 * computed with the Finnish Patent and Registration Office's weighted modulo-11 rule.
 */
export function isValidBusinessId(value: string): boolean {
  const match = /^(\d{7})-(\d)$/.exec(value.trim());
  if (!match) return false;
  const digits = match[1]!.split("").map(Number);
  const sum = digits.reduce((acc, d, i) => acc + d * WEIGHTS[i]!, 0);
  const remainder = sum % 11;
  if (remainder === 1) return false;
  const check = remainder === 0 ? 0 : 11 - remainder;
  return check === Number(match[2]);
}
