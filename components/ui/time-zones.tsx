// Time zones offered in the forms' datalists (any IANA zone may be typed; the schemas check it), and the zone field.
import type { ReactNode } from "react";
import { cn } from "@/lib/cn";
import { Field, inputClass } from "./field";

export const COMMON_ZONES = [
  "Asia/Seoul",
  "America/New_York",
  "America/Chicago",
  "America/Denver",
  "America/Los_Angeles",
  "America/Anchorage",
  "Pacific/Honolulu",
  "America/Toronto",
  "America/Mexico_City",
  "America/Sao_Paulo",
  "Europe/London",
  "Europe/Brussels",
  "Europe/Paris",
  "Europe/Berlin",
  "Africa/Johannesburg",
  "Asia/Dubai",
  "Asia/Kolkata",
  "Asia/Singapore",
  "Asia/Shanghai",
  "Asia/Hong_Kong",
  "Asia/Tokyo",
  "Australia/Sydney",
  "Pacific/Auckland",
  "UTC",
] as const;

/** The browser's own zone, or null (the forms then keep what is typed). */
export function browserZone(): string | null {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || null;
  } catch {
    return null;
  }
}

/** The suggestions of a zone input (`list={id}`). */
export function ZoneList({ id, zones = COMMON_ZONES }: { id: string; zones?: readonly string[] }) {
  return (
    <datalist id={id}>
      {zones.map((z) => (
        <option key={z} value={z} />
      ))}
    </datalist>
  );
}

/** A time zone typed with suggestions; `listId` names its datalist. */
export function ZoneField({
  id,
  listId,
  label,
  value,
  onChange,
  errors,
  hint,
  className,
  inputClassName,
}: {
  id: string;
  listId: string;
  label: ReactNode;
  value: string;
  onChange: (zone: string) => void;
  errors?: string[];
  hint?: ReactNode;
  className?: string;
  inputClassName?: string;
}) {
  return (
    <Field id={id} label={label} hint={hint} errors={errors} className={className}>
      {(control) => (
        <>
          <input {...control} list={listId} maxLength={64} autoComplete="off" value={value} onChange={(e) => onChange(e.target.value)} className={cn(inputClass, inputClassName)} />
          <ZoneList id={listId} />
        </>
      )}
    </Field>
  );
}
