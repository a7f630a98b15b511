// The browser's tRPC client for the edit forms: one HTTP request per call (no batching), superjson like the server.
import { createTRPCClient, httpLink, TRPCClientError } from "@trpc/client";
import superjson from "superjson";
import type { AppRouter } from "@/server/core/root";

export const trpc = createTRPCClient<AppRouter>({
  links: [httpLink({ url: "/api/trpc", transformer: superjson })],
});

import type { RowProblem } from "@/server/core/errors";

export type { RowProblem };

/** What a form shows about a failed call: one message, errors per field, and a batch's bad rows. */
export type FormProblem = {
  message: string;
  fields: Record<string, string[]>;
  rows: RowProblem[];
  code: string | null;
};

type ErrorData = {
  code?: string;
  zodError?: { formErrors: string[]; fieldErrors: Record<string, string[] | undefined> } | null;
  field?: string | null;
  rowErrors?: RowProblem[] | null;
};

/** Reads the error formatter's data (server/core/trpc.ts): zod field errors, a typed error's field, row reports. */
export function problemFrom(error: unknown): FormProblem {
  if (!(error instanceof TRPCClientError)) {
    return { message: "Could not reach the server; nothing was saved. Try again.", fields: {}, rows: [], code: null };
  }
  const data = (error.data ?? {}) as ErrorData;
  const fields: Record<string, string[]> = {};
  for (const [name, messages] of Object.entries(data.zodError?.fieldErrors ?? {})) {
    if (messages?.length) fields[name] = messages;
  }
  if (data.field) fields[data.field] = [...(fields[data.field] ?? []), error.message];
  const message = data.zodError ? "Some fields need attention; nothing was saved." : error.message;
  return { message, fields, rows: data.rowErrors ?? [], code: data.code ?? null };
}

/** A zod issue, as a client-side check reports it. */
export type Issue = { path: readonly PropertyKey[]; message: string };

/** How a form reads a client-side check: `map` rewrites an issue (moves it to the field the form shows, rewords it);
 * `message` replaces the default line above the fields. */
export type IssueOptions = { map?: (issue: Issue) => Issue; message?: string };

/** The same shape from a client-side zod check, so the form shows the server's and its own errors alike. */
export function problemFromIssues(issues: readonly Issue[], { map = (issue) => issue, message }: IssueOptions = {}): FormProblem {
  const fields: Record<string, string[]> = {};
  const general: string[] = [];
  for (const issue of issues.map(map)) {
    const name = issue.path.length ? String(issue.path[0]) : null;
    if (!name) general.push(issue.message);
    else if (!fields[name]?.includes(issue.message)) fields[name] = [...(fields[name] ?? []), issue.message]; // said once
  }
  return { message: message ?? general[0] ?? "Some fields need attention; nothing was saved.", fields, rows: [], code: "BAD_REQUEST" };
}

/** A problem that is one message, not about any field (e.g. "nothing changed"). */
export function problemOf(message: string): FormProblem {
  return { message, fields: {}, rows: [], code: null };
}
