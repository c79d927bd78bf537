/** An HS code as customs texts write it: `6109.10`, `6109.10.00`, `0902.10.1000`. */
export function formatHsCode(digits: string): string {
  if (!/^\d{4,10}$/.test(digits)) return digits;
  const groups = [digits.slice(0, 4), digits.slice(4, 6), digits.slice(6, 8), digits.slice(8)].filter((group) => group !== '');
  return groups.length > 3 ? `${groups[0]}.${groups[1]}.${groups[2]}${groups[3]}` : groups.join('.');
}
