"use client";
// One labelled input of an edit form, for every field type of FORM_FIELDS, wired by the shared Field.
import { useTranslations } from "next-intl";
import { Field, inputClass, type ControlProps } from "@/components/ui/field";
import { ZoneList } from "@/components/ui/time-zones";
import { cn } from "@/lib/cn";
import { COMMON_ZONES, type FieldSpec } from "./fields";

// The pages' filter forms (app/) still import the class from here.

export type InstantValue = { local: string; zone: string } | null;

type ControlArgs = { spec: FieldSpec; idPrefix: string; value: unknown; onChange: (value: unknown) => void; control: ControlProps };

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
  const id = `${idPrefix}-${spec.name}`;
  return (
    <Field
      id={id}
      htmlFor={spec.type === "instant" ? `${id}-local` : id}
      label={t(spec.name as "title")}
      optional={spec.optional ? t("optional") : undefined}
      errors={errors}
      className={spec.wide ? "sm:col-span-2" : undefined}
    >
      {(control) =>
        spec.type === "instant" ? (
          <InstantControl spec={spec} idPrefix={idPrefix} value={value} onChange={onChange} control={control} />
        ) : spec.type === "select" ? (
          <SelectControl spec={spec} idPrefix={idPrefix} value={value} onChange={onChange} control={control} />
        ) : (
          <TextControl spec={spec} idPrefix={idPrefix} value={value} onChange={onChange} control={control} />
        )
      }
    </Field>
  );
}

const text = (value: unknown) => (value === null || value === undefined ? "" : String(value));

/** text, url, number, date and textarea fields. */
function TextControl({ spec, value, onChange, control }: ControlArgs) {
  const common = { ...control, name: spec.name, value: text(value), onChange: (e: { target: { value: string } }) => onChange(e.target.value) };
  switch (spec.type) {
    case "textarea":
      return <textarea {...common} maxLength={spec.max} rows={3} className={cn(inputClass, "h-auto py-1.5")} />;
    case "number":
      return <input {...common} inputMode="decimal" className={inputClass} />;
    case "date":
      return <input {...common} type="date" className={inputClass} />;
    default:
      return <input {...common} type={spec.type === "url" ? "url" : "text"} maxLength={spec.max} className={inputClass} />;
  }
}

function SelectControl({ spec, value, onChange, control }: ControlArgs) {
  const t = useTranslations("fields");
  const tOpt = useTranslations();
  return (
    <select {...control} name={spec.name} value={text(value)} onChange={(e) => onChange(e.target.value || null)} className={inputClass}>
      {spec.optional ? <option value="">{t("none")}</option> : null}
      {spec.options!.map((o) => (
        <option key={o} value={o}>
          {tOpt(`${spec.optionsNs}.${o}` as "sectors.autos")}
        </option>
      ))}
    </select>
  );
}

/** A local date-time and its zone: two inputs that share the field's error. */
function InstantControl({ spec, idPrefix, value, onChange, control }: ControlArgs) {
  const t = useTranslations("fields");
  const v = (value as InstantValue) ?? { local: "", zone: "America/New_York" };
  const { id, ...aria } = control;
  return (
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
      <ZoneList id={`${idPrefix}-zones`} zones={COMMON_ZONES} />
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
  const s = text(value);
  if (s.trim() === "") return spec.optional ? null : spec.type === "number" ? undefined : s;
  if (spec.type === "number") {
    const n = Number(s.replace(/[,_\s]/g, ""));
    return Number.isFinite(n) ? n : s;
  }
  return s;
}
