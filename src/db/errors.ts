/**
 * True for a duplicate-key error (code 11000), also inside a bulk write's errors. A unique insert
 * that fails this way is how every "exactly once" in the project is decided.
 */
export function isDuplicateKey(error: unknown): boolean {
  const e = error as { code?: number; writeErrors?: Array<{ code?: number; err?: { code?: number } }> };
  return e.code === 11000 || Boolean(e.writeErrors?.some((w) => (w.code ?? w.err?.code) === 11000));
}
