/**
 * Passwords that meet the letter-and-digit rule yet appear near the top of every
 * published breach list. Compared case-insensitively; a well-known word followed
 * only by a simple digit run (password1, qwerty2024) is refused too.
 */
const words = [
  "password", "passw0rd", "p@ssword", "p@ssw0rd", "qwerty", "qwertyuiop", "asdfgh", "zxcvbn", "abc", "abcd",
  "abcdef", "letmein", "welcome", "admin", "administrator", "iloveyou", "monkey", "dragon", "master", "sunshine",
  "princess", "football", "baseball", "shadow", "superman", "batman", "trustno", "hello", "freedom", "whatever",
  "qazwsx", "michael", "jennifer", "charlie", "login", "starwars", "secret", "changeme", "default", "test",
  "user", "root", "supplier", "coupa", "portal", "company", "china", "woaini", "aini", "wang", "zhang",
  "liu", "chen", "love", "pass", "temp", "guest", "hunter", "killer", "computer", "internet", "summer",
  "winter", "spring", "autumn", "january", "december", "azerty", "q1w2e3r4", "1q2w3e4r", "1qaz2wsx", "zaq12wsx",
  "a1b2c3d4", "a1b2c3", "aa", "aaa", "aaaa", "qwe", "asd", "zxc", "qweasd", "qweasdzxc",
];

const exact = new Set([
  "1q2w3e4r5t", "q1w2e3r4t5", "1qaz2wsx3edc", "zaq1xsw2", "a123456789", "abc123456", "abcd1234", "abc12345",
  "qwe123456", "qwer1234", "asdf1234", "zxcv1234", "pass1234", "test1234", "admin123", "root1234",
  "iloveyou1", "password1!", "p4ssw0rd", "passw0rd1", "q1w2e3r4", "1a2b3c4d", "a1s2d3f4", "1234qwer", "123qwe123",
  "123abc456", "123456a", "123456ab", "12345678a", "123456789a", "1234567a", "a12345678", "aa123456", "aa12345678",
  "woaini1314", "woaini520", "5201314a", "a5201314", "wang1234", "zhang123", "li123456",
]);

const trailingDigits = /^(.*?)(\d{1,8})[!.@#]?$/;

export function isWellKnownPassword(password: string): boolean {
  const p = password.toLowerCase();
  if (exact.has(p)) return true;
  const m = trailingDigits.exec(p);
  if (m && words.includes(m[1])) return true;
  const leading = /^(\d{1,8})(.*)$/.exec(p);
  return Boolean(leading && words.includes(leading[2]));
}
