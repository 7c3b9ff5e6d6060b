/**
 * A number as `new Intl.NumberFormat('en' | 'zh').format` writes it: the shortest decimal that reads
 * back as the same double (as JavaScript prints it) rounded to three decimals, half away from zero,
 * thousands grouped with commas (none when `grouping` is false), a minus sign before any negative
 * value, -0 included. Written here because ICU loads its number data the first time a process makes
 * a NumberFormat: 20 ms here, most of what a quick check's report costs. `decimal.test.ts`
 * compares it with Intl on both locales.
 */
export function formatDecimal(value: number, grouping = true): string {
  // Intl writes every digit of a huge number, where JavaScript writes an exponent. No message has one.
  if (!Number.isFinite(value) || Math.abs(value) >= 1e21) return new Intl.NumberFormat('en', { useGrouping: grouping }).format(value);
  const shortest = String(Math.abs(value));
  // Below 1e-6 JavaScript writes an exponent: such a value rounds to 0.
  const [whole, fraction = ''] = shortest.includes('e') ? ['0'] : shortest.split('.');
  // Most values (a report formats thousands) need no rounding.
  if (fraction.length <= 3) return sign(value, (grouping ? group(whole!) : whole!) + (fraction ? `.${fraction}` : ''));
  let thousandths = BigInt(whole! + fraction.slice(0, 3).padEnd(3, '0'));
  if (fraction[3]! >= '5') thousandths += 1n;
  const digits = String(thousandths).padStart(4, '0');
  const integer = digits.slice(0, -3);
  const decimals = digits.slice(-3).replace(/0+$/, '');
  return sign(value, (grouping ? group(integer) : integer) + (decimals ? `.${decimals}` : ''));
}

function group(integer: string): string {
  return integer.length > 3 ? integer.replace(/\B(?=(\d{3})+$)/g, ',') : integer;
}

function sign(value: number, text: string): string {
  return value < 0 || Object.is(value, -0) ? `-${text}` : text;
}
