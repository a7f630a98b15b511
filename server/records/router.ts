// Editing procedures: thin — validate with the shared schemas, call an edit service as the signed-in editor.
import { createBudgetInput, updateBudgetInput } from "./schemas/budget";
import { listConflictsInput, resolveConflictInput } from "./schemas/conflict";
import { createDeadlineInput, postponeDeadlineInput, updateDeadlineInput } from "./schemas/deadline";
import { createFigureInput, updateFigureInput } from "./schemas/figure";
import { createMeasureInput, updateMeasureInput } from "./schemas/measure";
import { upsertObservationsInput } from "@/server/market/schemas";
import { createSourceInput, updateSourceInput } from "./schemas/source";
import { auditForRecordInput, auditListInput } from "./schemas/audit";
import { listRecordsInput, sourceChoicesInput } from "./schemas/lists";
import { auditAuthors, auditForRecord, listAudit } from "./audit-log";
import { createBudget, updateBudget } from "./budgets";
import { resolveConflict } from "./conflicts";
import type { SignedInActor } from "@/server/core/actor";
import { createDeadline, postponeDeadline, updateDeadline } from "./deadlines";
import { createFigure, updateFigure } from "./figures";
import { createMeasure, updateMeasure } from "./measures";
import { upsertObservations } from "@/server/market/observations";
import { createSource, updateSource } from "./sources";
import type { SessionUser } from "@/server/core/session-user";
import { conflictCounts, listConflicts } from "@/server/core/citations";
import { DEFAULT_CONFLICTS } from "./constants";
import { getRecordForm, listRecords, seriesKeys, sourceChoices } from "./forms";
import { EDITABLE_KINDS } from "@/server/core/constants";
import { recordKey } from "@/server/core/schemas";
import { z } from "zod";
import { asOfFrom, asOfInput, createTRPCRouter, editorProcedure, protectedProcedure, readProcedure, type Context } from "@/server/core/trpc";

const edit = (ctx: Context & { user: SessionUser }): SignedInActor => ({ user: ctx.user, now: ctx.now() });

export const editRouter = createTRPCRouter({
  measures: createTRPCRouter({
    create: editorProcedure.input(createMeasureInput).mutation(({ ctx, input }) => createMeasure(ctx.db, edit(ctx), input)),
    update: editorProcedure.input(updateMeasureInput).mutation(({ ctx, input }) => updateMeasure(ctx.db, edit(ctx), input)),
  }),
  deadlines: createTRPCRouter({
    create: editorProcedure.input(createDeadlineInput).mutation(({ ctx, input }) => createDeadline(ctx.db, edit(ctx), input)),
    update: editorProcedure.input(updateDeadlineInput).mutation(({ ctx, input }) => updateDeadline(ctx.db, edit(ctx), input)),
    postpone: editorProcedure
      .input(postponeDeadlineInput)
      .mutation(({ ctx, input }) => postponeDeadline(ctx.db, edit(ctx), input)),
  }),
  budgets: createTRPCRouter({
    create: editorProcedure.input(createBudgetInput).mutation(({ ctx, input }) => createBudget(ctx.db, edit(ctx), input)),
    update: editorProcedure.input(updateBudgetInput).mutation(({ ctx, input }) => updateBudget(ctx.db, edit(ctx), input)),
  }),
  figures: createTRPCRouter({
    create: editorProcedure.input(createFigureInput).mutation(({ ctx, input }) => createFigure(ctx.db, edit(ctx), input)),
    update: editorProcedure.input(updateFigureInput).mutation(({ ctx, input }) => updateFigure(ctx.db, edit(ctx), input)),
  }),
  sources: createTRPCRouter({
    create: editorProcedure.input(createSourceInput).mutation(({ ctx, input }) => createSource(ctx.db, edit(ctx), input)),
    update: editorProcedure.input(updateSourceInput).mutation(({ ctx, input }) => updateSource(ctx.db, edit(ctx), input)),
  }),
  observations: createTRPCRouter({
    upsert: editorProcedure
      .input(upsertObservationsInput)
      .mutation(({ ctx, input }) => upsertObservations(ctx.db, edit(ctx), input)),
  }),
});

export const conflictsRouter = createTRPCRouter({
  /** A page of the conflicts shown at asOf: open ones with their claims and sources, resolved ones with the resolution. */
  list: readProcedure
    .input(listConflictsInput)
    .query(({ ctx, input }) =>
      listConflicts(ctx.db, asOfFrom(ctx, input).at, { status: input.status, offset: input.offset, limit: input.limit ?? DEFAULT_CONFLICTS }),
    ),
  /** How many conflicts are open and resolved at asOf. */
  counts: readProcedure.input(asOfInput).query(({ ctx, input }) => conflictCounts(ctx.db, asOfFrom(ctx, input).at)),
  resolve: editorProcedure.input(resolveConflictInput).mutation(({ ctx, input }) => resolveConflict(ctx.db, edit(ctx), input)),
});

export const auditRouter = createTRPCRouter({
  list: protectedProcedure.input(auditListInput).query(({ ctx, input }) => listAudit(ctx.db, input)),
  forRecord: protectedProcedure
    .input(auditForRecordInput)
    .query(({ ctx, input }) => auditForRecord(ctx.db, input.recordType, input.recordKey, input.limit)),
  authors: protectedProcedure.query(({ ctx }) => auditAuthors(ctx.db)),
});

/** What the edit forms read: records as they stand now, in the shape of the input schemas. */
export const recordsRouter = createTRPCRouter({
  list: protectedProcedure.input(listRecordsInput).query(({ ctx, input }) => listRecords(ctx.db, input.kind, ctx.now(), input)),
  get: protectedProcedure
    .input(z.object({ kind: z.enum(EDITABLE_KINDS), key: recordKey }))
    .query(({ ctx, input }) => getRecordForm(ctx.db, input.kind, input.key, ctx.now())),
  sourceChoices: protectedProcedure.input(sourceChoicesInput).query(({ ctx, input }) => sourceChoices(ctx.db, input ?? {})),
  series: protectedProcedure.query(({ ctx }) => seriesKeys(ctx.db)),
});
