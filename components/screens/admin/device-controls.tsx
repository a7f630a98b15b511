"use client";
// An editor's controls on one screen: reload its open copies, add a device (its URL with the token, shown once),
// a pairing code to type on the TV, and revoking a device after a confirmation.
import { useRef, useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { FieldErrors, inputClass } from "@/components/records/field-input";
import { FormStatus } from "@/components/records/record-form";
import { Button } from "@/components/ui/button";
import { formatInstant, type DisplayLocale } from "@/lib/format";
import { problemFrom, problemFromIssues, trpc, type FormProblem } from "@/lib/trpc-client";
import { DISPLAY_ZONES } from "@/server/core/constants";
import { addDeviceInput } from "@/server/screens/schemas";

export function ReloadButton({ screenKey }: { screenKey: string }) {
  const t = useTranslations("screens");
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [done, setDone] = useState(false);
  async function press() {
    setPending(true);
    setDone(false);
    try {
      await trpc.screens.requestReload.mutate({ key: screenKey });
      setProblem(null);
      setDone(true);
    } catch (error) {
      setProblem(problemFrom(error));
    } finally {
      setPending(false);
    }
  }
  return (
    <div className="flex flex-wrap items-center gap-3">
      <Button variant="outline" disabled={pending} onClick={() => void press()}>
        {t("reload")}
      </Button>
      <FormStatus problem={problem} saved={done ? t("reloadSent") : null} />
    </div>
  );
}

/** A label form shared by "Add a device" and "Pairing code"; `onCreated` shows what came back. */
function LabelForm({ id, submitLabel, onSubmit }: { id: string; submitLabel: string; onSubmit: (label: string) => Promise<void> }) {
  const t = useTranslations("screens");
  const [label, setLabel] = useState("");
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [pending, setPending] = useState(false);
  const statusRef = useRef<HTMLDivElement>(null);
  async function submit(event: FormEvent) {
    event.preventDefault();
    const checked = addDeviceInput.shape.label.safeParse(label.trim());
    if (!checked.success) {
      setProblem(problemFromIssues(checked.error.issues.map((i) => ({ ...i, path: ["label"] }))));
      statusRef.current?.focus();
      return;
    }
    setPending(true);
    try {
      await onSubmit(label.trim());
      setProblem(null);
      setLabel("");
    } catch (error) {
      setProblem(problemFrom(error));
    } finally {
      setPending(false);
    }
  }
  const errors = problem?.fields ?? {};
  return (
    <form onSubmit={submit} noValidate aria-busy={pending} aria-label={submitLabel} className="flex flex-wrap items-end gap-3">
      <div className="grid gap-1">
        <label htmlFor={`${id}-label`} className="text-xs font-medium">
          {t("deviceLabel")}
        </label>
        <input
          id={`${id}-label`}
          maxLength={100}
          value={label}
          onChange={(e) => setLabel(e.target.value)}
          placeholder={t("deviceLabelExample")}
          className={inputClass + " w-64"}
          aria-invalid={errors.label ? true : undefined}
          aria-describedby={errors.label ? `${id}-label-error` : undefined}
        />
        <FieldErrors id={`${id}-label-error`} errors={errors.label} />
      </div>
      <Button type="submit" disabled={pending}>
        {submitLabel}
      </Button>
      <div ref={statusRef} tabIndex={-1} className="outline-none">
        <FormStatus problem={problem} saved={null} />
      </div>
    </form>
  );
}

export function AddDeviceForm({ screenKey }: { screenKey: string }) {
  const t = useTranslations("screens");
  const router = useRouter();
  const [added, setAdded] = useState<{ label: string; url: string } | null>(null);
  const [copied, setCopied] = useState(false);
  async function copy(url: string) {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  }
  return (
    <div className="grid gap-3">
      <LabelForm
        id="add-device"
        submitLabel={t("addDevice")}
        onSubmit={async (label) => {
          const device = await trpc.screens.addDevice.mutate({ key: screenKey, label });
          setCopied(false);
          setAdded({ label: device.label, url: device.url });
          router.refresh();
        }}
      />
      {added ? (
        <div className="grid gap-2 rounded-md border border-border bg-muted p-3" data-testid="device-url" role="status">
          <p className="text-sm font-medium">{t("deviceAdded", { label: added.label })}</p>
          <div className="flex flex-wrap items-center gap-2">
            <label htmlFor="device-url-value" className="sr-only">
              {t("deviceUrl")}
            </label>
            <input id="device-url-value" readOnly value={added.url} onFocus={(e) => e.currentTarget.select()} className={inputClass + " min-w-0 flex-1 font-mono text-xs"} />
            <Button variant="outline" size="sm" onClick={() => void copy(added.url)}>
              {copied ? t("copied") : t("copy")}
            </Button>
          </div>
          <p className="text-xs font-medium text-red-800 dark:text-red-300">{t("shownOnce")}</p>
        </div>
      ) : null}
    </div>
  );
}

export function PairingCodeForm({ screenKey, pairUrl }: { screenKey: string; pairUrl: string }) {
  const t = useTranslations("screens");
  const locale = useLocale() as DisplayLocale;
  const router = useRouter();
  const [pairing, setPairing] = useState<{ code: string; expiresAt: Date; label: string } | null>(null);
  return (
    <div className="grid gap-3">
      <LabelForm
        id="pairing"
        submitLabel={t("createCode")}
        onSubmit={async (label) => {
          const created = await trpc.screens.createPairingCode.mutate({ key: screenKey, label });
          setPairing({ code: created.code, expiresAt: created.expiresAt, label: created.label });
          router.refresh();
        }}
      />
      {pairing ? (
        <div className="grid gap-2 rounded-md border border-border bg-muted p-3" data-testid="pairing-code" role="status">
          <p className="text-sm">{t("codeFor", { label: pairing.label })}</p>
          <p className="font-mono text-5xl font-bold tracking-widest" data-testid="pairing-code-value">
            {pairing.code}
          </p>
          <p className="text-sm">
            {t("codeExpires", {
              seoul: formatInstant(pairing.expiresAt, DISPLAY_ZONES.seoul, locale),
              washington: formatInstant(pairing.expiresAt, DISPLAY_ZONES.washington, locale),
            })}
          </p>
          <p className="text-sm">
            {t("codeWhere")} <span className="font-mono font-medium">{pairUrl}</span>
          </p>
        </div>
      ) : null}
    </div>
  );
}

export function RevokeButton({ deviceId, label }: { deviceId: number; label: string }) {
  const t = useTranslations("screens");
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function revoke() {
    setPending(true);
    try {
      await trpc.screens.revokeDevice.mutate({ deviceId });
      setError(null);
      setConfirming(false);
      router.refresh();
    } catch (e) {
      setError(problemFrom(e).message);
    } finally {
      setPending(false);
    }
  }
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      {confirming ? (
        <>
          <span className="text-xs">{t("revokeConfirm", { label })}</span>
          <Button size="sm" disabled={pending} onClick={() => void revoke()} aria-label={`${t("revokeYes")}: ${label}`}>
            {t("revokeYes")}
          </Button>
          <Button variant="ghost" size="sm" disabled={pending} onClick={() => setConfirming(false)}>
            {t("cancel")}
          </Button>
        </>
      ) : (
        <Button variant="outline" size="sm" onClick={() => setConfirming(true)} aria-label={`${t("revoke")}: ${label}`}>
          {t("revoke")}
        </Button>
      )}
      <span role="status" className="text-xs text-red-700 dark:text-red-400">
        {error}
      </span>
    </span>
  );
}
