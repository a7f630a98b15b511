"use client";
// "Why" (optional): the editor's note that goes into the audit log with a change.
import { useTranslations } from "next-intl";
import { Field, inputClass } from "@/components/ui/field";

export function NoteField({ idPrefix, value, onChange, errors }: { idPrefix: string; value: string; onChange: (note: string) => void; errors?: string[] }) {
  const t = useTranslations("edit");
  const tf = useTranslations("fields");
  return (
    <Field id={`${idPrefix}-note`} label={t("why")} optional={tf("optional")} errors={errors} className="sm:col-span-2">
      {(control) => <textarea {...control} maxLength={2000} rows={2} value={value} onChange={(e) => onChange(e.target.value)} className={inputClass + " h-auto py-1.5"} />}
    </Field>
  );
}
