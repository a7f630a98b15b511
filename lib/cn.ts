/** Join class names, skipping falsy values. (No tailwind-merge here: put overrides last and avoid conflicts.) */
export function cn(...classes: (string | false | null | undefined)[]): string {
  return classes.filter(Boolean).join(" ");
}
