/**
 * Cohen's kappa of a k×k confusion matrix given row-major (`matrix[r * k + c]` = rows rated r by the
 * first rater and c by the second): (pₒ − pₑ) / (1 − pₑ). Null when there is nothing to rate, or when
 * both raters always give one and the same answer (pₑ = 1), where kappa is undefined.
 */
export function cohensKappa(matrix: ArrayLike<number>, k: number): number | null {
  let total = 0;
  let agree = 0;
  const rows = new Float64Array(k);
  const cols = new Float64Array(k);
  for (let r = 0; r < k; r++) {
    for (let c = 0; c < k; c++) {
      const n = matrix[r * k + c]!;
      total += n;
      rows[r]! += n;
      cols[c]! += n;
      if (r === c) agree += n;
    }
  }
  if (total === 0) return null;
  let expected = 0;
  for (let i = 0; i < k; i++) expected += (rows[i]! / total) * (cols[i]! / total);
  if (expected >= 1) return null;
  return (agree / total - expected) / (1 - expected);
}

/** 100·agree/(agree + disagree); null when both are zero. */
export const agreementPct = (agree: number, disagree: number): number | null =>
  agree + disagree === 0 ? null : (100 * agree) / (agree + disagree);
