/** The toolbar badge fits about four characters. */
const MAX_SHOWN = 999;

/**
 * The badge for a tab from what each of its frames reports (frame id → highlighted terms): their
 * sum, or nothing when no frame highlights anything (switched off, hidden, or no terms).
 */
export function badgeText(frameCounts: Readonly<Record<string, number>>): string {
  let total = 0;
  for (const count of Object.values(frameCounts)) {
    if (Number.isFinite(count) && count > 0) total += count;
  }
  if (total === 0) return '';
  return total > MAX_SHOWN ? `${MAX_SHOWN}+` : String(total);
}
