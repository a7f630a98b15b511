// /audit: its client components read messages beyond the public pages' (components/layout/client-messages.tsx).
import type { ReactNode } from "react";
import { AllClientMessages } from "@/components/layout/client-messages";

export default function AuditLayout({ children }: { children: ReactNode }) {
  return <AllClientMessages>{children}</AllClientMessages>;
}
