"use client";

// Pairing a TV: type the short code an editor shows (screens.createPairingCode), get this device's token, keep it in
// this browser's storage and open the screen. The code is the only secret; the URL then carries no token.
// Styled by the wall's own CSS (.tw-pair), not the app's form components; the shared hook runs the call.
import { useEffect, useRef, useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { describedBy } from "@/components/ui/field";
import { useForm } from "@/components/ui/use-form";
import { trpc } from "@/lib/trpc-client";
import { fill } from "@/server/screens/wall-rules";
import { tokenStorageKey } from "./use-screen-feed";

export function PairForm() {
  const t = useTranslations("screen.pair");
  const form = useForm<true>();
  const [code, setCode] = useState("");
  // A code typed before React took over the page is in the field but not in state: take it over once hydrated.
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const typed = input.current?.value ?? "";
    if (typed) setCode(typed.toUpperCase());
  }, []);
  // Once paired the page is leaving: the button stays busy.
  const busy = form.pending || form.done !== null;

  function submit(e: FormEvent) {
    e.preventDefault();
    form.reset();
    void form.run(async () => {
      const paired = await trpc.screens.pair.mutate({ code });
      try {
        localStorage.setItem(tokenStorageKey(paired.screenKey), paired.token);
        location.assign(`/screen/${encodeURIComponent(paired.screenKey)}`);
      } catch {
        location.assign(paired.url); // no storage: the token travels in the URL instead
      }
      return true;
    });
  }

  const error = form.problem?.message ?? null;
  return (
    <div className="tw-screen" data-theme="dark" data-testid="screen-pair">
      <form className="tw-pair" onSubmit={submit} aria-describedby="tw-pair-help">
        <h1>{t("title")}</h1>
        <label htmlFor="tw-pair-code">{t("label")}</label>
        <input
          ref={input}
          id="tw-pair-code"
          name="code"
          value={code}
          onChange={(e) => setCode(e.target.value.toUpperCase())}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          autoFocus
          maxLength={20}
          {...describedBy({ errors: error ? [error] : undefined, errorId: "tw-pair-error" })}
        />
        <p id="tw-pair-help">{t("help")}</p>
        <button type="submit" disabled={busy || !code.trim()}>
          {busy ? t("working") : t("submit")}
        </button>
        {error ? (
          <p id="tw-pair-error" role="alert" className="tw-pair__error">
            {fill(t.raw("failed") as string, { message: error })}
          </p>
        ) : null}
      </form>
    </div>
  );
}
