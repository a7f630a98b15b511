// Typed domain errors; mapped once to tRPC codes (server/core/trpc.ts) and HTTP statuses (server/rest/http.ts).
export class ServiceError extends Error {
  constructor(
    message: string,
    readonly code: "NOT_FOUND" | "BAD_REQUEST" | "CONFLICT" | "TOO_MANY_REQUESTS",
    /** The input field the error is about, when there is one. */
    readonly field?: string,
  ) {
    super(message);
    this.name = "ServiceError";
  }
}

export class NotFoundError extends ServiceError {
  constructor(what: string) {
    super(`${what} was not found`, "NOT_FOUND");
  }
}

export class BadInputError extends ServiceError {
  constructor(field: string, message: string) {
    super(message, "BAD_REQUEST", field);
  }
}

/** Too many attempts from one address or for one account in a window (server/core/rate-limit.ts). */
export class RateLimitedError extends ServiceError {
  constructor(
    message: string,
    /** Seconds until the window that refused the attempt ends. */
    readonly retryAfterSeconds: number,
  ) {
    super(message, "TOO_MANY_REQUESTS");
    this.name = "RateLimitedError";
  }
}

/** One problem in one row of a batch (row numbers count from 1). */
export type RowProblem = { row: number; field: string; message: string };

/** A batch with bad rows: nothing was written; `report` names every problem. */
export class RowErrorsError extends BadInputError {
  constructor(readonly report: RowProblem[]) {
    super("rows", `${report.length} problem${report.length === 1 ? "" : "s"} in the rows; nothing was written (first: row ${report[0]?.row}, ${report[0]?.field}: ${report[0]?.message})`);
  }
}
