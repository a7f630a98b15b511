"use client";
// The contact point's type (Slack, Teams, webhook) as a labelled select: the admin's form and a person's own channel.
import { useTranslations } from "next-intl";
import { Field, inputClass } from "@/components/ui/field";
import { CONTACT_POINT_TYPES, type ContactPointType } from "@/server/alerts/constants";

export function ContactPointTypeField({ id, value, onChange, errors }: { id: string; value: ContactPointType; onChange: (value: ContactPointType) => void; errors?: string[] }) {
  const t = useTranslations("contactPoints");
  return (
    <Field id={id} label={t("type")} errors={errors}>
      {(control) => (
        <select {...control} value={value} onChange={(e) => onChange(e.target.value as ContactPointType)} className={inputClass}>
          {CONTACT_POINT_TYPES.map((v) => (
            <option key={v} value={v}>
              {t(`types.${v}`)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
