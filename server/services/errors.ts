// Typed domain errors; mapped once to tRPC codes (server/api/trpc.ts) and HTTP statuses (server/rest/http.ts).
export class ServiceError extends Error {
  constructor(
    message: string,
    readonly code: "NOT_FOUND" | "BAD_REQUEST" | "CONFLICT",
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
