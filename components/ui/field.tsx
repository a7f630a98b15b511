// One labelled control of a form: label, the control, an optional hint and the field's errors. The control gets its
// id, aria-invalid and aria-describedby (error first, then hint) from here, so every form wires them alike.
import type { ReactNode } from "react";
import { cn } from "@/lib/cn";

export const inputClass =
  "h-9 w-full rounded-md border border-input bg-background px-2 text-sm focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring aria-[invalid=true]:border-red-600";

/** The attributes that tie a control (or a fieldset) to its error message and hint. */
export type ControlProps = { id: string; "aria-invalid"?: true; "aria-describedby"?: string };

/** aria-invalid and aria-describedby for a control with these errors and hint (absent when there is nothing to say). */
export function describedBy({ errors, errorId, hintId }: { errors?: readonly string[]; errorId: string; hintId?: string | null }) {
  const invalid = !!errors?.length;
  return {
    "aria-invalid": invalid ? (true as const) : undefined,
    "aria-describedby": [invalid ? errorId : null, hintId ?? null].filter(Boolean).join(" ") || undefined,
  };
}

export function FieldErrors({ id, errors }: { id: string; errors?: readonly string[] }) {
  if (!errors?.length) return null;
  return (
    <p id={id} className="text-xs text-red-700 dark:text-red-400">
      {errors.join(" · ")}
    </p>
  );
}

/** A label's "(optional)", in the page's language. */
export function Optional({ text }: { text: string }) {
  return <span className="font-normal text-muted-foreground">({text})</span>;
}

export function Field({
  id,
  label,
  optional,
  hint,
  errors,
  errorId = `${id}-error`,
  htmlFor = id,
  size = "sm",
  className,
  children,
}: {
  /** The control's id; the error and hint ids derive from it (`<id>-error`, `<id>-hint`). */
  id: string;
  label: ReactNode;
  /** The word for "optional", shown after the label when the field may stay empty. */
  optional?: string;
  /** Shown under the control and read with it. */
  hint?: ReactNode;
  errors?: readonly string[];
  /** When the errors are named after the schema's field rather than the control. */
  errorId?: string;
  /** When the label points at one part of a composite control. */
  htmlFor?: string;
  /** "md": the larger label of the sign-in page. */
  size?: "sm" | "md";
  /** Added to the wrapper (a grid column span, a width). */
  className?: string;
  /** The control, given its id and aria attributes; anything after it (a datalist, an unread note) may follow. */
  children: (control: ControlProps) => ReactNode;
}) {
  const hintId = hint ? `${id}-hint` : null;
  return (
    <div className={cn("grid content-start", size === "md" ? "gap-1.5" : "gap-1", className)}>
      <label htmlFor={htmlFor} className={cn(size === "md" ? "text-sm" : "text-xs", "font-medium")}>
        {label}
        {optional ? (
          <>
            {" "}
            <Optional text={optional} />
          </>
        ) : null}
      </label>
      {children({ id, ...describedBy({ errors, errorId, hintId }) })}
      {hint ? (
        <p id={hintId!} className="text-xs text-muted-foreground">
          {hint}
        </p>
      ) : null}
      <FieldErrors id={errorId} errors={errors} />
    </div>
  );
}
