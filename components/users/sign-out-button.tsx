"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { useHydrated } from "@/components/ui/use-hydrated";

export function SignOutButton() {
  const t = useTranslations("auth");
  const [pending, setPending] = useState(false);
  const ready = useHydrated();
  return (
    <Button
      variant="outline"
      size="sm"
      disabled={!ready || pending}
      onClick={async () => {
        setPending(true);
        await fetch("/api/auth/sign-out", { method: "POST", headers: { "content-type": "application/json" }, body: "{}" }).catch(
          () => undefined,
        );
        window.location.assign("/");
      }}
    >
      {t("signOut")}
    </Button>
  );
}
