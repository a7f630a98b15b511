"use client";

// Pairing a TV: type the short code an editor shows (screens.createPairingCode), get this device's token, keep it in
// this browser's storage and open the screen. The code is the only secret; the URL then carries no token.
import { useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { problemFrom, trpc } from "@/lib/trpc-client";
import { fill } from "@/server/screens/wall-rules";
import { tokenStorageKey } from "./use-screen-feed";

export function PairForm() {
  const t = useTranslations("screen.pair");
  const [code, setCode] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const paired = await trpc.screens.pair.mutate({ code });
      try {
        localStorage.setItem(tokenStorageKey(paired.screenKey), paired.token);
        location.assign(`/screen/${encodeURIComponent(paired.screenKey)}`);
      } catch {
        location.assign(paired.url); // no storage: the token travels in the URL instead
      }
    } catch (err) {
      setError(problemFrom(err).message);
      setBusy(false);
    }
  }

  return (
    <div className="tw-screen" data-theme="dark" data-testid="screen-pair">
      <form className="tw-pair" onSubmit={submit} aria-describedby="tw-pair-help">
        <h1>{t("title")}</h1>
        <label htmlFor="tw-pair-code">{t("label")}</label>
        <input
          id="tw-pair-code"
          name="code"
          value={code}
          onChange={(e) => setCode(e.target.value.toUpperCase())}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          autoFocus
          maxLength={20}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "tw-pair-error" : undefined}
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
