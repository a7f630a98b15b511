// Public read-only REST API v1 (documented in docs/api.md): one handler per endpoint, each in its own file, built over
// injected dependencies (./context) so tests run them against any database and clock; app/api/** binds them to the
// process database (./bound).
import { restContext, type RestDeps } from "./context";
import { createDeadlinesCsvHandler, createTariffsCsvHandler } from "./csv-exports";
import { createHealthHandler } from "./health";
import { createOverviewHandler } from "./overview";
import { createPartsHandler } from "./parts";
import { createProductHandler, createProductsCsvHandler } from "./products";
import { createSeriesCsvHandler } from "./series";

export type { RestDeps } from "./context";

export function createRestHandlers(deps: RestDeps) {
  const ctx = restContext(deps);
  return {
    overview: createOverviewHandler(ctx),
    tariffsCsv: createTariffsCsvHandler(ctx),
    deadlinesCsv: createDeadlinesCsvHandler(ctx),
    seriesCsv: createSeriesCsvHandler(ctx),
    health: createHealthHandler(ctx),
    product: createProductHandler(ctx),
    productsCsv: createProductsCsvHandler(ctx),
    parts: createPartsHandler(deps),
  };
}
