"use client";
// Creating or changing a watchlist: a name, shared with the team or not, and its lines — one per row, the HTS code
// then (after a comma or a tab) your own label. A bad row is named by number and nothing is saved.
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Field, inputClass } from "@/components/ui/field";
import { FormFooter } from "@/components/ui/form-status";
import { useForm } from "@/components/ui/use-form";
import { trpc } from "@/lib/trpc-client";

export type WatchlistFormLabels = Record<"name" | "shared" | "lines" | "linesHint" | "create" | "save" | "saved" | "rowProblem", string>;
type Initial = { key: string; name: string; shared: boolean; lines: { hts10: string; label: string }[] } | null;

/** "8708.29.15.00, Door panel" → { code, label }; blank rows are skipped. */
export function parseLines(text: string): { code: string; label: string }[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const [code = "", ...rest] = l.split(/[,\t;]/);
      return { code: code.trim(), label: rest.join(",").trim() };
    });
}

export function WatchlistForm({ initial, labels }: { initial: Initial; labels: WatchlistFormLabels }) {
  const router = useRouter();
  const form = useForm({ refresh: !!initial });
  const [name, setName] = useState(initial?.name ?? "");
  const [shared, setShared] = useState(initial?.shared ?? false);
  const [lines, setLines] = useState(initial ? initial.lines.map((l) => (l.label ? `${l.hts10}, ${l.label}` : l.hts10)).join("\n") : "");

  function submit(event: FormEvent) {
    event.preventDefault();
    const items = parseLines(lines);
    void form.run(async () => {
      if (initial) {
        await trpc.products.watchlists.update.mutate({ key: initial.key, name, shared, items });
        return labels.saved;
      }
      const { key } = await trpc.products.watchlists.create.mutate({ name, shared, items });
      router.push(`/products/watchlists/${key}`);
      return labels.saved;
    });
  }

  return (
    <form onSubmit={submit} noValidate aria-busy={form.pending} className="grid max-w-2xl gap-3">
      <fieldset disabled={!form.ready} className="contents">
        <Field id="watchlist-name" label={labels.name} errors={form.errors.name}>
          {(control) => <input {...control} value={name} maxLength={120} onChange={(e) => setName(e.target.value)} className={inputClass} />}
        </Field>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={shared} onChange={(e) => setShared(e.target.checked)} />
          {labels.shared}
        </label>
        <Field id="watchlist-lines" label={labels.lines} hint={labels.linesHint} errors={form.errors.items ?? form.errors.rows}>
          {(control) => <textarea {...control} rows={8} value={lines} onChange={(e) => setLines(e.target.value)} className={`${inputClass} h-auto py-1.5 font-mono`} placeholder={"8708.29.15.00, Door panel\n6110.20.20.10, Sweater"} />}
        </Field>
        {form.problem?.rows.length ? (
          <ul className="list-disc pl-5 text-sm text-red-700 dark:text-red-400" data-testid="row-problems">
            {form.problem.rows.map((r) => (
              <li key={`${r.row}-${r.field}`}>{labels.rowProblem.replace("{row}", String(r.row)).replace("{message}", r.message)}</li>
            ))}
          </ul>
        ) : null}
        <FormFooter form={form} submit={initial ? labels.save : labels.create} />
      </fieldset>
    </form>
  );
}
