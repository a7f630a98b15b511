"use client";
// One form's submission state, shared by every client form: pending while a call runs, then either the problem
// (one message, errors per field, a batch's bad rows — see problemFrom) or what the call returned on success.
// `check` runs the server's own zod schema first, so bad input is marked on its fields without a round trip.
import { useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { useHydrated } from "./use-hydrated";
import { problemFrom, problemFromIssues, problemOf, type FormProblem, type Issue, type IssueOptions } from "@/lib/trpc-client";

/** What `check` needs of a zod schema (or of a union of them, like the record forms'). */
type Checkable = { safeParse(input: unknown): { success: true; data: unknown } | { success: false; error: { issues: readonly Issue[] } } };
type Parsed<S extends Checkable> = Extract<ReturnType<S["safeParse"]>, { success: true }>["data"];

export type RunOptions<Done = unknown> = {
  /** How a failed call reads, when it is not a tRPC error (default: problemFrom). */
  problem?: (error: unknown) => FormProblem;
  /** Runs right after the outcome is set, in the same tick (like `refresh`): e.g. a router.push to what was made. */
  onDone?: (result: Done | null) => void;
};

/**
 * `Done` is what a successful call gives the form to show (default: a message). `statusRef` goes on the element that
 * takes focus after each outcome (FormStatus's `focusRef`); forms that leave focus where it was do not attach it.
 * `refresh`: after each successful call the page's server data is fetched again (router.refresh), in the same tick
 * as the outcome so both show together. `ready` is false until hydrated: submit buttons stay disabled before (useHydrated).
 */
export function useForm<Done = string>({ refresh = false }: { refresh?: boolean } = {}) {
  const router = useRouter();
  const ready = useHydrated();
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [done, setDone] = useState<Done | null>(null);
  const statusRef = useRef<HTMLDivElement>(null);
  const focusStatus = () => statusRef.current?.focus();

  /** Shows a problem found before (or instead of) sending. */
  function fail(failure: FormProblem | string) {
    setDone(null);
    setProblem(typeof failure === "string" ? problemOf(failure) : failure);
    focusStatus();
  }

  /** The checked (parsed) input, or undefined after marking the schema's issues on their fields. */
  function check<S extends Checkable>(schema: S, input: unknown, options?: IssueOptions): Parsed<S> | undefined {
    const checked = schema.safeParse(input);
    if (checked.success) return checked.data as Parsed<S>;
    fail(problemFromIssues(checked.error.issues, options));
    return undefined;
  }

  /** Runs one call; its result (null: nothing to show) replaces the last outcome. True when it succeeded. */
  async function run(send: () => Promise<Done | null>, options: RunOptions<Done> = {}): Promise<boolean> {
    setPending(true);
    setDone(null);
    try {
      const result = await send();
      setProblem(null);
      setDone(result);
      if (refresh) router.refresh();
      options.onDone?.(result);
      return true;
    } catch (error) {
      setProblem((options.problem ?? problemFrom)(error));
      return false;
    } finally {
      setPending(false);
      focusStatus();
    }
  }

  function reset() {
    setProblem(null);
    setDone(null);
  }

  return { ready, pending, problem, errors: problem?.fields ?? {}, done, statusRef, check, run, fail, reset };
}

export type Form<Done = string> = ReturnType<typeof useForm<Done>>;
