"use client";
// One labelled input of an edit form with its errors (aria-invalid + aria-describedby), for every field type.
import { useTranslations } from "next-intl";
import { cn } from "@/lib/cn";
import { COMMON_ZONES, type FieldSpec } from "./fields";

export const inputClass =
  "h-9 w-full rounded-md border border-input bg-background px-2 text-sm focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring aria-[invalid=true]:border-red-600";

export type InstantValue = { local: string; zone: string } | null;

export function FieldErrors({ id, errors }: { id: string; errors?: string[] }) {
  if (!errors?.length) return null;
  return (
    <p id={id} className="text-xs text-red-700 dark:text-red-400">
      {errors.join(" · ")}
    </p>
  );
}

export function FieldInput({
  spec,
  idPrefix,
  value,
  onChange,
  errors,
}: {
  spec: FieldSpec;
  idPrefix: string;
  value: unknown;
  onChange: (value: unknown) => void;
  errors?: string[];
}) {
  const t = useTranslations("fields");
  const tOpt = useTranslations();
  const id = `${idPrefix}-${spec.name}`;
  const errorId = `${id}-error`;
  const invalid = !!errors?.length;
  const aria = { "aria-invalid": invalid || undefined, "aria-describedby": invalid ? errorId : undefined };
  const label = (
    <label htmlFor={spec.type === "instant" ? `${id}-local` : id} className="text-xs font-medium">
      {t(spec.name as "title")}
      {spec.optional ? <span className="font-normal text-muted-foreground"> ({t("optional")})</span> : null}
    </label>
  );
  const str = value === null || value === undefined ? "" : String(value);

  let control;
  switch (spec.type) {
    case "textarea":
      control = (
        <textarea id={id} name={spec.name} maxLength={spec.max} rows={3} value={str} onChange={(e) => onChange(e.target.value)} className={cn(inputClass, "h-auto py-1.5")} {...aria} />
      );
      break;
    case "select":
      control = (
        <select id={id} name={spec.name} value={str} onChange={(e) => onChange(e.target.value || null)} className={inputClass} {...aria}>
          {spec.optional ? <option value="">{t("none")}</option> : null}
          {spec.options!.map((o) => (
            <option key={o} value={o}>
              {tOpt(`${spec.optionsNs}.${o}` as "sectors.autos")}
            </option>
          ))}
        </select>
      );
      break;
    case "number":
      control = (
        <input id={id} name={spec.name} inputMode="decimal" value={str} onChange={(e) => onChange(e.target.value)} className={inputClass} {...aria} />
      );
      break;
    case "date":
      control = <input id={id} name={spec.name} type="date" value={str} onChange={(e) => onChange(e.target.value)} className={inputClass} {...aria} />;
      break;
    case "instant": {
      const v = (value as InstantValue) ?? { local: "", zone: "America/New_York" };
      control = (
        <div className="flex gap-2">
          <input
            id={`${id}-local`}
            name={`${spec.name}.local`}
            type="datetime-local"
            value={v.local}
            onChange={(e) => onChange({ ...v, local: e.target.value })}
            className={inputClass}
            {...aria}
          />
          <input
            id={`${id}-zone`}
            name={`${spec.name}.zone`}
            aria-label={`${t(spec.name as "title")}: ${t("zone")}`}
            list={`${idPrefix}-zones`}
            maxLength={64}
            value={v.zone}
            onChange={(e) => onChange({ ...v, zone: e.target.value })}
            className={cn(inputClass, "w-48")}
            {...aria}
          />
          <datalist id={`${idPrefix}-zones`}>
            {COMMON_ZONES.map((z) => (
              <option key={z} value={z} />
            ))}
          </datalist>
        </div>
      );
      break;
    }
    default:
      control = (
        <input id={id} name={spec.name} type={spec.type === "url" ? "url" : "text"} maxLength={spec.max} value={str} onChange={(e) => onChange(e.target.value)} className={inputClass} {...aria} />
      );
  }
  return (
    <div className={cn("grid content-start gap-1", spec.wide && "sm:col-span-2")}>
      {label}
      {control}
      <FieldErrors id={errorId} errors={errors} />
    </div>
  );
}

/** A form value as the input schema takes it: empty optional fields are null, numbers parsed. */
export function toInputValue(spec: FieldSpec, value: unknown): unknown {
  if (spec.type === "instant") {
    const v = value as InstantValue;
    if (!v || (!v.local && spec.optional)) return null;
    return { local: v.local, zone: v.zone };
  }
  const s = value === null || value === undefined ? "" : String(value);
  if (s.trim() === "") return spec.optional ? null : spec.type === "number" ? undefined : s;
  if (spec.type === "number") {
    const n = Number(s.replace(/[,_\s]/g, ""));
    return Number.isFinite(n) ? n : s;
  }
  return s;
}
