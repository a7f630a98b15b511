"use client";
// What one subscription follows — every deadline, a sector's, a kind's or one deadline — with its reminder offsets
// and the measure-change checkbox. Used by the subscribe form and the manage page's "follow something else".
import { useTranslations } from "next-intl";
import { describedBy, Field, FieldErrors, inputClass } from "@/components/ui/field";
import type { Issue } from "@/lib/trpc-client";
import { DEADLINE_KINDS, SECTORS } from "@/server/core/constants";
import { SUBSCRIPTION_SCOPES, type SubscriptionScope } from "@/server/alerts/constants";
import { DEFAULT_OFFSETS, formatOffsets } from "@/server/alerts/reminder-rules";

export type SubscriptionValue = { scope: SubscriptionScope; scopeValue: string; offsets: string; notifyMeasures: boolean; marketMovePct?: string };
export type DeadlineChoice = { key: string; title: string };

export const NEW_SUBSCRIPTION: SubscriptionValue = { scope: "all", scopeValue: "", offsets: formatOffsets(DEFAULT_OFFSETS), notifyMeasures: false };

/** The form's value in the shape of `subscriptionFields` (server/alerts/schemas.ts). */
export function toSubscriptionInput(v: SubscriptionValue) {
  const move = (v.marketMovePct ?? "").trim().replace(",", ".");
  return {
    scope: v.scope,
    scopeValue: v.scope === "all" ? undefined : v.scopeValue.trim(),
    offsets: v.offsets,
    notifyMeasures: v.notifyMeasures,
    // Empty: no market notices; anything else must be a number the schema checks (0.1–50).
    marketMovePct: move === "" ? null : Number.isFinite(Number(move)) ? Number(move) : Number.NaN,
  };
}

/** Where a zod issue belongs: a subscription's own fields by name (its own refinements on the scope group), the rest
 * by their top-level name. */
export function subscriptionIssue(issue: Issue): Issue {
  const { path } = issue;
  return { ...issue, path: [path[0] === "subscription" ? String(path[1] ?? "subscription") : String(path[0] ?? "form")] };
}

const DEFAULT_VALUE: Record<SubscriptionScope, string> = { all: "", sector: SECTORS[1], kind: DEADLINE_KINDS[0], deadline: "", watchlist: "" };

type Props = {
  idPrefix: string;
  value: SubscriptionValue;
  onChange: (value: SubscriptionValue) => void;
  errors: Record<string, string[]>;
  deadlines: DeadlineChoice[];
};

export function SubscriptionFields({ idPrefix, value, onChange, errors, deadlines }: Props) {
  const t = useTranslations("alerts");
  const set = (patch: Partial<SubscriptionValue>) => onChange({ ...value, ...patch });
  return (
    <>
      <ScopeChoice idPrefix={idPrefix} value={value} onChange={onChange} errors={errors} />
      {value.scope === "sector" || value.scope === "kind" ? <ScopeValueSelect idPrefix={idPrefix} value={value} onChange={onChange} errors={errors} /> : null}
      {value.scope === "deadline" ? <DeadlineInput idPrefix={idPrefix} value={value} onChange={onChange} errors={errors} deadlines={deadlines} /> : null}
      {value.scope === "watchlist" ? (
        <Field id={`${idPrefix}-watchlist`} label={t("watchlist")} hint={t("watchlistHint")} errors={errors.scopeValue}>
          {(control) => <input {...control} value={value.scopeValue} onChange={(e) => set({ scopeValue: e.target.value.trim() })} maxLength={40} className={inputClass} placeholder="wl-…" />}
        </Field>
      ) : null}
      <Field id={`${idPrefix}-offsets`} label={t("offsets")} hint={t("offsetsHint")} errors={errors.offsets} className="sm:col-span-2">
        {(control) => (
          <input
            {...control}
            value={value.offsets}
            onChange={(e) => set({ offsets: e.target.value })}
            maxLength={200}
            autoComplete="off"
            spellCheck={false}
            className={inputClass + " font-mono sm:max-w-xs"}
          />
        )}
      </Field>
      <label className="flex items-start gap-2 text-sm sm:col-span-2">
        <input type="checkbox" checked={value.notifyMeasures} onChange={(e) => set({ notifyMeasures: e.target.checked })} className="mt-1" />
        <span>{t("notifyMeasures")}</span>
      </label>
      <Field id={`${idPrefix}-marketMovePct`} label={t("marketMove")} hint={t("marketMoveHint")} errors={errors.marketMovePct} className="sm:col-span-2">
        {(control) => (
          <input
            {...control}
            inputMode="decimal"
            value={value.marketMovePct ?? ""}
            onChange={(e) => set({ marketMovePct: e.target.value })}
            maxLength={6}
            placeholder="3"
            className={inputClass + " sm:max-w-[8rem]"}
          />
        )}
      </Field>
    </>
  );
}

/** "Follow": every deadline, a sector's, a kind's or one deadline; errors about the whole subscription show here. */
function ScopeChoice({ idPrefix, value, onChange, errors }: Omit<Props, "deadlines">) {
  const t = useTranslations("alerts");
  const general = errors.subscription ?? errors.scope;
  const errorId = `${idPrefix}-subscription-error`;
  return (
    <fieldset className="grid gap-2 sm:col-span-2" aria-describedby={describedBy({ errors: general, errorId })["aria-describedby"]}>
      <legend className="mb-1 text-xs font-medium">{t("follow")}</legend>
      <div className="flex flex-wrap gap-x-4 gap-y-2">
        {SUBSCRIPTION_SCOPES.map((scope) => (
          <label key={scope} className="flex items-center gap-2 text-sm">
            <input
              type="radio"
              name={`${idPrefix}-scope`}
              value={scope}
              checked={value.scope === scope}
              onChange={() => onChange({ ...value, scope, scopeValue: DEFAULT_VALUE[scope] })}
            />
            {t(`scope.${scope}`)}
          </label>
        ))}
      </div>
      <FieldErrors id={errorId} errors={general} />
    </fieldset>
  );
}

/** Which sector or which kind of deadline. */
function ScopeValueSelect({ idPrefix, value, onChange, errors }: Omit<Props, "deadlines">) {
  const t = useTranslations("alerts");
  const tAll = useTranslations();
  const sector = value.scope === "sector";
  return (
    <Field id={`${idPrefix}-scopeValue`} label={sector ? t("sector") : t("kind")} errors={errors.scopeValue}>
      {(control) => (
        <select {...control} value={value.scopeValue} onChange={(e) => onChange({ ...value, scopeValue: e.target.value })} className={inputClass}>
          {(sector ? SECTORS : DEADLINE_KINDS).map((v) => (
            <option key={v} value={v}>
              {tAll((sector ? `sectors.${v}` : `deadlineKind.${v}`) as "sectors.autos")}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** One deadline, by its key (suggested from the tracked deadlines). */
function DeadlineInput({ idPrefix, value, onChange, errors, deadlines }: Props) {
  const t = useTranslations("alerts");
  return (
    <Field id={`${idPrefix}-scopeValue`} label={t("deadline")} hint={t("deadlineHint")} errors={errors.scopeValue}>
      {(control) => (
        <>
          <input
            {...control}
            list={`${idPrefix}-deadlines`}
            value={value.scopeValue}
            onChange={(e) => onChange({ ...value, scopeValue: e.target.value.toLowerCase() })}
            maxLength={80}
            autoComplete="off"
            className={inputClass}
          />
          <datalist id={`${idPrefix}-deadlines`}>
            {deadlines.map((d) => (
              <option key={d.key} value={d.key}>
                {d.title}
              </option>
            ))}
          </datalist>
        </>
      )}
    </Field>
  );
}
