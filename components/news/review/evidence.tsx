// The numbers of a sentence marked (the evidence of a fact read before facts carried their fields' words; see
// ./field-basis.tsx). Rendered as text (React escapes it).
import type { ReactNode } from "react";

const NUMBER = /[$₩]?\d[\d,.]*\s?(?:%|percent|trillion|billion|million|조|억|원)?/g;

export function highlightNumbers(text: string): ReactNode[] {
  const out: ReactNode[] = [];
  let last = 0;
  for (const m of text.matchAll(NUMBER)) {
    const start = m.index ?? 0;
    if (start > last) out.push(text.slice(last, start));
    out.push(<mark key={start}>{m[0]}</mark>);
    last = start + m[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}
