/**
 * Java's number formatting as The ONE's reports use it: `Double.toString` for event-log times
 * (`605.0`, `622.400000000073`, `1.0E-4`) and `String.format("%.4f")` for statistics (half-up
 * rounding of the shortest decimal form, `NaN` for NaN). Knows nothing about reports or the engine.
 */

/** Java's `Double.toString(x)`: shortest round-trip digits, at least one digit after the point. */
export function javaDoubleToString(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return 'Infinity';
  if (x === -Infinity) return '-Infinity';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const ax = Math.abs(x);
  if (ax >= 1e-3 && ax < 1e7) {
    // Fast path: x is the double nearest to a decimal with ≤ 3 places (event times usually are);
    // below 1e7 doubles are far denser than 1e-3, so that decimal is the shortest form.
    for (let d = 1, p = 10; d <= 3; d++, p *= 10) {
      const k = Math.round(ax * p);
      if (k / p === ax) return shortDecimal(x < 0, k, d, p);
    }
    const s = String(x);
    return s.includes('.') ? s : `${s}.0`;
  }
  const [mant = '', exp = '0'] = x.toExponential().split('e');
  return `${mant.includes('.') ? mant : `${mant}.0`}E${Number(exp)}`;
}

/** `k / p` (p = 10^d) as `int.frac` with trailing zeros removed, keeping at least one decimal. */
function shortDecimal(negative: boolean, k: number, d: number, p: number): string {
  const int = Math.floor(k / p);
  let frac = k - int * p;
  let places = d;
  while (places > 1 && frac % 10 === 0) {
    frac /= 10;
    places--;
  }
  const fracText = String(frac).padStart(places, '0');
  return `${negative ? '-' : ''}${int}.${fracText}`;
}

/** Java's `String.format("%.<decimals>f", x)`: half-up rounding of the shortest decimal digits. */
export function javaFixed(x: number, decimals: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? 'Infinity' : '-Infinity';
  const neg = x < 0 || Object.is(x, -0);
  const [mant = '0', expText = '0'] = Math.abs(x).toExponential().split('e');
  const digits = mant.replace('.', '');
  const point = Number(expText) + 1; // digits before the decimal point
  let intPart: string;
  let frac: string;
  if (point <= 0) {
    intPart = '0';
    frac = '0'.repeat(-point) + digits;
  } else if (point >= digits.length) {
    intPart = digits + '0'.repeat(point - digits.length);
    frac = '';
  } else {
    intPart = digits.slice(0, point);
    frac = digits.slice(point);
  }
  let fixed = intPart + frac.slice(0, decimals).padEnd(decimals, '0');
  if (frac.length > decimals && frac.charCodeAt(decimals) >= 53 /* '5' */) fixed = incrementDecimal(fixed);
  const cut = fixed.length - decimals;
  const body = decimals > 0 ? `${fixed.slice(0, cut)}.${fixed.slice(cut)}` : fixed;
  return neg ? `-${body}` : body;
}

/** Adds one unit in the last place to a string of decimal digits ("0999" → "1000", "99" → "100"). */
function incrementDecimal(digits: string): string {
  const out = digits.split('');
  for (let i = out.length - 1; i >= 0; i--) {
    if (out[i] === '9') {
      out[i] = '0';
    } else {
      out[i] = String.fromCharCode((out[i] ?? '0').charCodeAt(0) + 1);
      return out.join('');
    }
  }
  return `1${out.join('')}`;
}
