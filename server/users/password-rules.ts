// What makes a password acceptable. Pure: the CLI, the admin router and tests share it.

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 128;

/** A few of the most used passwords that are long enough to pass the length rule. */
const COMMON = new Set([
  "password1234",
  "123456789012",
  "qwertyuiopas",
  "passwordpassword",
  "administrator",
  "letmeinletmein",
  "iloveyou1234",
  "tradewatch123",
  "changemechangeme",
]);

/**
 * Control characters (C0, DEL, C1) and the Unicode line/paragraph separators: a password holding one — a newline in
 * a piped password, say — could never be typed into a sign-in form.
 */
const CONTROL_CHARACTER = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/;

/** Why the password is too weak or unusable, in words for the person choosing it, or null when it is acceptable. */
export function passwordProblem(password: string, email?: string): string | null {
  if (CONTROL_CHARACTER.test(password)) {
    return "The password contains a line break, tab or other control character, which no sign-in form can type: use letters, digits, spaces and punctuation (a piped password goes on one line).";
  }
  if (password.length < MIN_PASSWORD_LENGTH) {
    return `The password is too short: use at least ${MIN_PASSWORD_LENGTH} characters (a few unrelated words work well).`;
  }
  if (password.length > MAX_PASSWORD_LENGTH) return `The password is too long: at most ${MAX_PASSWORD_LENGTH} characters.`;
  if (new Set(password).size < 5) return "The password repeats too few characters: use at least 5 different ones.";
  const lower = password.toLowerCase();
  if (COMMON.has(lower)) return "This password is one of the most common ones: choose another.";
  const local = email?.split("@")[0]?.toLowerCase();
  if (local && local.length >= 4 && lower.includes(local)) return "The password must not contain the email address.";
  return null;
}
