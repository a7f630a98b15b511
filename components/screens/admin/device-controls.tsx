"use client";
// An editor's controls on one screen: reload its open copies, add a device (its URL with the token, shown once),
// a pairing code to type on the TV, and revoking a device after a confirmation.
import { useState, type FormEvent, type ReactNode } from "react";
import { useLocale, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { FormFooter, FormStatus, InlineProblem } from "@/components/ui/form-status";
import { useForm } from "@/components/ui/use-form";
import { formatInstant, type DisplayLocale } from "@/lib/format";
import { trpc } from "@/lib/trpc-client";
import { DISPLAY_ZONES } from "@/server/core/constants";
import { addDeviceInput } from "@/server/screens/schemas";

export function ReloadButton({ screenKey }: { screenKey: string }) {
  const t = useTranslations("screens");
  const form = useForm();
  const press = () =>
    form.run(async () => {
      await trpc.screens.requestReload.mutate({ key: screenKey });
      return t("reloadSent");
    });
  return (
    <div className="flex flex-wrap items-center gap-3">
      <Button variant="outline" disabled={!form.ready || form.pending} onClick={() => void press()}>
        {t("reload")}
      </Button>
      <FormStatus problem={form.problem} saved={form.done} />
    </div>
  );
}

/**
 * A label form shared by "Add a device" and "Pairing code": `onSubmit` keeps what came back, `children` (below the
 * form) show it, then the page refreshes.
 */
function LabelForm({
  id,
  submitLabel,
  onSubmit,
  children,
}: {
  id: string;
  submitLabel: string;
  onSubmit: (label: string) => Promise<void>;
  children: ReactNode;
}) {
  const t = useTranslations("screens");
  const form = useForm({ refresh: true });
  const [label, setLabel] = useState("");
  function submit(event: FormEvent) {
    event.preventDefault();
    if (!form.check(addDeviceInput.pick({ label: true }), { label: label.trim() })) return;
    void form.run(async () => {
      await onSubmit(label.trim());
      setLabel("");
      return null;
    });
  }
  return (
    <div className="grid gap-3">
      <form onSubmit={submit} noValidate aria-busy={form.pending} aria-label={submitLabel} className="flex flex-wrap items-end gap-3">
        <fieldset disabled={!form.ready} className="contents">
          <Field id={`${id}-label`} label={t("deviceLabel")} errors={form.errors.label}>
            {(control) => (
              <input {...control} maxLength={100} value={label} onChange={(e) => setLabel(e.target.value)} placeholder={t("deviceLabelExample")} className={inputClass + " w-64"} />
            )}
          </Field>
          <FormFooter form={form} submit={submitLabel} className="contents" />
        </fieldset>
      </form>
      {children}
    </div>
  );
}

export function AddDeviceForm({ screenKey }: { screenKey: string }) {
  const t = useTranslations("screens");
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
  const add = async (label: string) => {
    const device = await trpc.screens.addDevice.mutate({ key: screenKey, label });
    setCopied(false);
    setAdded({ label: device.label, url: device.url });
  };
  return (
    <LabelForm id="add-device" submitLabel={t("addDevice")} onSubmit={add}>
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
    </LabelForm>
  );
}

export function PairingCodeForm({ screenKey, pairUrl }: { screenKey: string; pairUrl: string }) {
  const t = useTranslations("screens");
  const locale = useLocale() as DisplayLocale;
  const [pairing, setPairing] = useState<{ code: string; expiresAt: Date; label: string } | null>(null);
  const create = async (label: string) => {
    const created = await trpc.screens.createPairingCode.mutate({ key: screenKey, label });
    setPairing({ code: created.code, expiresAt: created.expiresAt, label: created.label });
  };
  return (
    <LabelForm id="pairing" submitLabel={t("createCode")} onSubmit={create}>
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
    </LabelForm>
  );
}

export function RevokeButton({ deviceId, label }: { deviceId: number; label: string }) {
  const t = useTranslations("screens");
  const form = useForm({ refresh: true });
  const [confirming, setConfirming] = useState(false);
  const revoke = () =>
    form.run(async () => {
      await trpc.screens.revokeDevice.mutate({ deviceId });
      setConfirming(false);
      return null;
    });
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      {confirming ? (
        <>
          <span className="text-xs">{t("revokeConfirm", { label })}</span>
          <Button size="sm" disabled={!form.ready || form.pending} onClick={() => void revoke()} aria-label={`${t("revokeYes")}: ${label}`}>
            {t("revokeYes")}
          </Button>
          <Button variant="ghost" size="sm" disabled={!form.ready || form.pending} onClick={() => setConfirming(false)}>
            {t("cancel")}
          </Button>
        </>
      ) : (
        <Button variant="outline" size="sm" onClick={() => setConfirming(true)} aria-label={`${t("revoke")}: ${label}`}>
          {t("revoke")}
        </Button>
      )}
      <InlineProblem problem={form.problem} />
    </span>
  );
}
