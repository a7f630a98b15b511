"use client";
// What one subscription follows — every deadline, a sector's, a kind's or one deadline — with its reminder offsets
// and the measure-change checkbox. Used by the subscribe form and the manage page's "follow something else".
import { useTranslations } from "next-intl";
import { FieldErrors, inputClass } from "@/components/records/field-input";
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

/** Where a zod issue belongs: a subscription's own fields by name, the rest by their top-level name. */
export function issueField(path: readonly PropertyKey[]): string {
  return path[0] === "subscription" ? String(path[1] ?? "subscription") : String(path[0] ?? "form");
}

export function issuesToFields(issues: readonly { path: readonly PropertyKey[]; message: string }[]): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const issue of issues) {
    const name = issueField(issue.path);
    fields[name] = [...(fields[name] ?? []), issue.message];
  }
  return fields;
}

const DEFAULT_VALUE: Record<SubscriptionScope, string> = { all: "", sector: SECTORS[1], kind: DEADLINE_KINDS[0], deadline: "" };

export function SubscriptionFields({
  idPrefix,
  value,
  onChange,
  errors,
  deadlines,
}: {
  idPrefix: string;
  value: SubscriptionValue;
  onChange: (value: SubscriptionValue) => void;
  errors: Record<string, string[]>;
  deadlines: DeadlineChoice[];
}) {
  const t = useTranslations("alerts");
  const tAll = useTranslations();
  const set = (patch: Partial<SubscriptionValue>) => onChange({ ...value, ...patch });
  const aria = (name: string, hint?: string) => ({
    "aria-invalid": errors[name]?.length ? true : undefined,
    "aria-describedby": [errors[name]?.length ? `${idPrefix}-${name}-error` : null, hint ?? null].filter(Boolean).join(" ") || undefined,
  });
  const general = errors.subscription ?? errors.scope;

  return (
    <>
      <fieldset className="grid gap-2 sm:col-span-2" aria-describedby={general?.length ? `${idPrefix}-subscription-error` : undefined}>
        <legend className="mb-1 text-xs font-medium">{t("follow")}</legend>
        <div className="flex flex-wrap gap-x-4 gap-y-2">
          {SUBSCRIPTION_SCOPES.map((scope) => (
            <label key={scope} className="flex items-center gap-2 text-sm">
              <input
                type="radio"
                name={`${idPrefix}-scope`}
                value={scope}
                checked={value.scope === scope}
                onChange={() => set({ scope, scopeValue: DEFAULT_VALUE[scope] })}
              />
              {t(`scope.${scope}`)}
            </label>
          ))}
        </div>
        <FieldErrors id={`${idPrefix}-subscription-error`} errors={general} />
      </fieldset>

      {value.scope === "sector" || value.scope === "kind" ? (
        <div className="grid content-start gap-1">
          <label htmlFor={`${idPrefix}-scopeValue`} className="text-xs font-medium">
            {value.scope === "sector" ? t("sector") : t("kind")}
          </label>
          <select
            id={`${idPrefix}-scopeValue`}
            value={value.scopeValue}
            onChange={(e) => set({ scopeValue: e.target.value })}
            className={inputClass}
            {...aria("scopeValue")}
          >
            {(value.scope === "sector" ? SECTORS : DEADLINE_KINDS).map((v) => (
              <option key={v} value={v}>
                {tAll((value.scope === "sector" ? `sectors.${v}` : `deadlineKind.${v}`) as "sectors.autos")}
              </option>
            ))}
          </select>
          <FieldErrors id={`${idPrefix}-scopeValue-error`} errors={errors.scopeValue} />
        </div>
      ) : null}

      {value.scope === "deadline" ? (
        <div className="grid content-start gap-1">
          <label htmlFor={`${idPrefix}-scopeValue`} className="text-xs font-medium">
            {t("deadline")}
          </label>
          <input
            id={`${idPrefix}-scopeValue`}
            list={`${idPrefix}-deadlines`}
            value={value.scopeValue}
            onChange={(e) => set({ scopeValue: e.target.value.toLowerCase() })}
            maxLength={80}
            autoComplete="off"
            className={inputClass}
            {...aria("scopeValue", `${idPrefix}-scopeValue-hint`)}
          />
          <datalist id={`${idPrefix}-deadlines`}>
            {deadlines.map((d) => (
              <option key={d.key} value={d.key}>
                {d.title}
              </option>
            ))}
          </datalist>
          <p id={`${idPrefix}-scopeValue-hint`} className="text-xs text-muted-foreground">
            {t("deadlineHint")}
          </p>
          <FieldErrors id={`${idPrefix}-scopeValue-error`} errors={errors.scopeValue} />
        </div>
      ) : null}

      <div className="grid content-start gap-1 sm:col-span-2">
        <label htmlFor={`${idPrefix}-offsets`} className="text-xs font-medium">
          {t("offsets")}
        </label>
        <input
          id={`${idPrefix}-offsets`}
          value={value.offsets}
          onChange={(e) => set({ offsets: e.target.value })}
          maxLength={200}
          autoComplete="off"
          spellCheck={false}
          className={inputClass + " font-mono sm:max-w-xs"}
          {...aria("offsets", `${idPrefix}-offsets-hint`)}
        />
        <p id={`${idPrefix}-offsets-hint`} className="text-xs text-muted-foreground">
          {t("offsetsHint")}
        </p>
        <FieldErrors id={`${idPrefix}-offsets-error`} errors={errors.offsets} />
      </div>

      <label className="flex items-start gap-2 text-sm sm:col-span-2">
        <input type="checkbox" checked={value.notifyMeasures} onChange={(e) => set({ notifyMeasures: e.target.checked })} className="mt-1" />
        <span>{t("notifyMeasures")}</span>
      </label>

      <div className="grid content-start gap-1 sm:col-span-2">
        <label htmlFor={`${idPrefix}-marketMovePct`} className="text-xs font-medium">
          {t("marketMove")}
        </label>
        <input
          id={`${idPrefix}-marketMovePct`}
          inputMode="decimal"
          value={value.marketMovePct ?? ""}
          onChange={(e) => set({ marketMovePct: e.target.value })}
          maxLength={6}
          placeholder="3"
          className={inputClass + " sm:max-w-[8rem]"}
          {...aria("marketMovePct", `${idPrefix}-marketMovePct-hint`)}
        />
        <p id={`${idPrefix}-marketMovePct-hint`} className="text-xs text-muted-foreground">
          {t("marketMoveHint")}
        </p>
        <FieldErrors id={`${idPrefix}-marketMovePct-error`} errors={errors.marketMovePct} />
      </div>
    </>
  );
}
