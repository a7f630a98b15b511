// A form's outcome next to its button: the problem's message or the success message, announced (role="status").
// With `focusRef` (useForm's statusRef) it takes focus after each outcome, so keyboard users land on the answer.
import type { ReactNode, Ref } from "react";
import type { FormProblem } from "@/lib/trpc-client";
import { Button } from "./button";
import type { Form } from "./use-form";

export function FormStatus({ problem, saved, focusRef }: { problem: FormProblem | null; saved: string | null; focusRef?: Ref<HTMLDivElement> }) {
  const status = (
    <div role="status" aria-live="polite" className="text-sm">
      {problem ? (
        <p className="rounded-md border border-red-600/40 bg-red-50 p-2 text-red-800 dark:bg-red-950/40 dark:text-red-300" data-testid="form-error">
          {problem.message}
        </p>
      ) : saved ? (
        <p className="text-emerald-700 dark:text-emerald-400" data-testid="form-saved">
          {saved}
        </p>
      ) : null}
    </div>
  );
  if (!focusRef) return status;
  return (
    <div ref={focusRef} tabIndex={-1} className="outline-none">
      {status}
    </div>
  );
}

/** The submit button and the form's outcome (focused after each submission); `children` follow them (a link). */
export function FormFooter<Done>({
  form,
  submit,
  saved = typeof form.done === "string" ? form.done : null,
  className,
  children,
}: {
  form: Form<Done>;
  submit: ReactNode;
  /** The success message, when it is not what the call returned (default: the returned string). */
  saved?: string | null;
  className?: string;
  children?: ReactNode;
}) {
  return (
    <div className={className ?? "flex flex-wrap items-center gap-3"}>
      <Button type="submit" disabled={!form.ready || form.pending}>
        {submit}
      </Button>
      <FormStatus problem={form.problem} saved={saved} focusRef={form.statusRef} />
      {children}
    </div>
  );
}

/** A row button's outcome beside it: only a problem is shown (success shows in the refreshed row). */
export function InlineProblem({ problem }: { problem: FormProblem | null }) {
  return (
    <span role="status" className="text-xs text-red-700 dark:text-red-400">
      {problem?.message ?? null}
    </span>
  );
}
