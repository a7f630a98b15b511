"use client";
// A language select: every locale the app speaks, named in the page's language.
import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import { cn } from "@/lib/cn";
import { LOCALES, type Locale } from "@/server/core/constants";
import { Field, inputClass } from "./field";

export function LanguageField({
  id,
  label,
  value,
  onChange,
  errors,
  className,
  selectClassName,
}: {
  id: string;
  label: ReactNode;
  value: Locale;
  onChange: (language: Locale) => void;
  errors?: string[];
  className?: string;
  selectClassName?: string;
}) {
  const tLocale = useTranslations("locale");
  return (
    <Field id={id} label={label} errors={errors} className={className}>
      {(control) => (
        <select {...control} value={value} onChange={(e) => onChange(e.target.value as Locale)} className={cn(inputClass, selectClassName)}>
          {LOCALES.map((l) => (
            <option key={l} value={l}>
              {tLocale(l)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
