/*
 * Check digits that tell a document number from any other long number, so that a cadastral, contract or
 * request number in a complaint is not hidden as if it were a bank card or a СНИЛС.
 */

/** The Luhn check every bank card number passes (and nine in ten random numbers fail). */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** The СНИЛС control number: the first nine digits weighted 9…1, mod 101 (100 and 101 count as 00). */
export function snilsValid(digits: string): boolean {
  if (digits.length !== 11) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += (digits.charCodeAt(i) - 48) * (9 - i);
  const control = sum < 100 ? sum : sum % 101 === 100 ? 0 : sum % 101;
  return control === Number(digits.slice(9));
}
