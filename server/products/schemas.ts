// Inputs of the product procedures and REST endpoints.
import { z } from "zod";
import { asOfInput } from "@/server/core/schemas";
import { PRODUCT_LIMITS } from "./constants";

/** An HTS-10 code, dots and spaces allowed ("8708.29.15.00"). */
export const hts10Input = z
  .string()
  .trim()
  .transform((s) => s.replace(/[\s.]/g, ""))
  .pipe(z.string().regex(/^\d{10}$/, "an HTS code of ten digits, e.g. 8708.29.15.00"));

export const productSearchInput = z.object({
  q: z.string().trim().min(1, "type a code or words").max(100),
  limit: z.number().int().min(1).max(PRODUCT_LIMITS.search).default(PRODUCT_LIMITS.searchDefault),
});

export const productInput = asOfInput.extend({ hts: hts10Input });
