"use client";
// Search as you type: the form works without script (GET /products?q=), and with it each keystroke (debounced)
// asks products.search and shows the lines at once. Labels come from the server page, so this island needs no
// message catalogue.
import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { inputClass } from "@/components/ui/field";
import { buttonClassName } from "@/components/ui/button";
import { dottedHts } from "./format";

export type Line = { hts10: string; description: string };
export type SearchLabels = { label: string; placeholder: string; button: string; hint: string; more: string; count: (n: number) => string };
type Found = { q: string; lines: Line[]; more: boolean };

const DEBOUNCE_MS = 120;

async function search(q: string, signal: AbortSignal): Promise<Found> {
  const input = encodeURIComponent(JSON.stringify({ json: { q, limit: 20 } }));
  const res = await fetch(`/api/trpc/products.search?input=${input}`, { signal });
  if (!res.ok) throw new Error(String(res.status));
  const body = (await res.json()) as { result: { data: { json: { lines: Line[]; more: boolean } } } };
  return { q, ...body.result.data.json };
}

export function ProductSearch({ initial, labels, counts }: { initial: Found; labels: Omit<SearchLabels, "count">; counts: Record<string, string> }) {
  const [q, setQ] = useState(initial.q);
  const [found, setFound] = useState<Found>(initial);
  const pending = useRef<AbortController | null>(null);

  useEffect(() => {
    const text = q.trim();
    if (text === found.q) return;
    const timer = setTimeout(() => {
      pending.current?.abort();
      const controller = new AbortController();
      pending.current = controller;
      if (!text) return setFound({ q: "", lines: [], more: false });
      search(text, controller.signal).then(setFound, () => undefined);
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [q, found.q]);

  const count = found.lines.length === 0 ? counts.zero : found.more ? counts.many!.replace("#", `${found.lines.length}+`) : counts.many!.replace("#", String(found.lines.length));
  return (
    <div>
      <form action="/products" role="search" className="flex max-w-xl flex-wrap items-end gap-2">
        <label className="grid flex-1 gap-1 text-sm font-medium" htmlFor="product-q">
          {labels.label}
          <input
            id="product-q"
            name="q"
            type="search"
            inputMode="search"
            autoComplete="off"
            className={inputClass}
            placeholder={labels.placeholder}
            value={q}
            onChange={(e) => setQ(e.target.value)}
            aria-describedby="product-q-hint"
          />
        </label>
        <button type="submit" className={buttonClassName()}>{labels.button}</button>
      </form>
      <p id="product-q-hint" className="mt-1 text-xs text-muted-foreground">{labels.hint}</p>
      {found.q && (
        <section aria-live="polite" className="mt-4">
          <p className="text-sm text-muted-foreground">{count}</p>
          <ul className="mt-2 divide-y divide-border rounded-md border border-border">
            {found.lines.map((l) => (
              <li key={l.hts10}>
                <Link href={`/products/${l.hts10}`} className="flex gap-3 px-3 py-2 text-sm hover:bg-muted focus-visible:bg-muted">
                  <span className="shrink-0 font-mono tabular-nums">{dottedHts(l.hts10)}</span>
                  <span className="line-clamp-2 text-muted-foreground">{l.description}</span>
                </Link>
              </li>
            ))}
          </ul>
          {found.more && <p className="mt-2 text-xs text-muted-foreground">{labels.more}</p>}
        </section>
      )}
    </div>
  );
}
