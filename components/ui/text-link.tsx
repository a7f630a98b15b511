// An inline link in the accent colour, underlined: in text, tables and page headers (size it with `className`).
import Link from "next/link";
import type { ComponentProps } from "react";
import { cn } from "@/lib/cn";

export const textLinkClassName = "text-accent underline underline-offset-4";

export function TextLink({ className, ...props }: ComponentProps<typeof Link>) {
  return <Link className={cn(textLinkClassName, className)} {...props} />;
}
