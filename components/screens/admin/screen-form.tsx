"use client";
// A screen's configuration form (new screen and edit): panels with their rotation seconds, layout, theme, language,
// clocks and optional night dimming, checked with the shared schema before sending; server errors on their fields.
// Saving an existing screen bumps its config version, which open screens receive as a `config` event.
import type { FormEvent } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Field, inputClass } from "@/components/ui/field";
import { FormFooter } from "@/components/ui/form-status";
import { LanguageField } from "@/components/ui/language-field";
import { useForm } from "@/components/ui/use-form";
import { trpc, type Issue } from "@/lib/trpc-client";
import { SCREEN_LAYOUTS, SCREEN_THEMES, type ScreenLayout, type ScreenPanel, type ScreenTheme } from "@/server/screens/constants";
import { createScreenInput, DIM_PERCENT, screenConfig, type ScreenConfig } from "@/server/screens/schemas";
import { configOf, useScreenDraft } from "./screen-draft";
import { ClocksFieldset, NightFieldset, PanelsFieldset, type DraftProps } from "./screen-fieldsets";

export function ScreenForm({ mode, screenKey, initial }: { mode: "create" | "update"; screenKey?: string; initial?: ScreenConfig }) {
  const t = useTranslations("screens");
  const router = useRouter();
  const form = useForm();
  const { draft, set } = useScreenDraft(initial);
  const idPrefix = `screen-${mode}`;

  /** Errors are shown per group: an issue about one panel or one night field says which. */
  function where(issue: Issue, panels: { panel: ScreenPanel }[]): Issue {
    const [group, part] = issue.path;
    if (group === "panels" && typeof part === "number" && panels[part]) return { ...issue, message: `${t(`panel.${panels[part]!.panel}`)}: ${issue.message}` };
    if (group === "night" && typeof part === "string" && ["from", "to", "zone", "dimPercent"].includes(part)) {
      return { ...issue, message: `${t(`nightPart.${part as "from"}`, { min: DIM_PERCENT.min, max: DIM_PERCENT.max })}: ${issue.message}` };
    }
    return issue;
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const config = configOf(draft);
    if (!form.check(mode === "create" ? createScreenInput : screenConfig, config, { map: (issue) => where(issue, config.panels) })) return;
    if (mode === "create") {
      void form.run(async () => (await trpc.screens.create.mutate(config)).key, { onDone: (key) => router.push(`/screens/${key}?created=1`) });
      return;
    }
    const save = async () => {
      await trpc.screens.update.mutate({ key: screenKey!, config });
      return t("savedPushed");
    };
    void form.run(save, { onDone: () => router.refresh() });
  }

  const props: DraftProps = { idPrefix, draft, set, errors: form.errors };
  return (
    <form onSubmit={submit} noValidate aria-busy={form.pending} aria-label={mode === "create" ? t("newTitle") : t("editTitle")} className="grid gap-4">
      <fieldset disabled={!form.ready} className="contents">
        <Field id={`${idPrefix}-name`} label={t("name")} errors={form.errors.name ?? form.errors.key} className="sm:max-w-md">
          {(control) => (
            <>
              <input {...control} name="name" maxLength={100} value={draft.name} onChange={(e) => set({ name: e.target.value })} className={inputClass} />
              {mode === "create" ? <p className="text-xs text-muted-foreground">{t("nameHint")}</p> : null}
            </>
          )}
        </Field>
        <PanelsFieldset {...props} />
        <LookFields {...props} />
        <ClocksFieldset {...props} />
        <NightFieldset {...props} />
        {mode === "update" ? <p className="text-xs text-muted-foreground">{t("pushHint")}</p> : null}
        {/* A new screen's call returns its key, and its page says it was created. */}
        <FormFooter form={form} submit={form.pending ? t("saving") : mode === "create" ? t("create") : t("save")} saved={mode === "update" ? form.done : null} />
      </fieldset>
    </form>
  );
}

/** Layout, theme and language. */
function LookFields({ idPrefix, draft, set, errors }: DraftProps) {
  const t = useTranslations("screens");
  return (
    <div className="grid gap-4 sm:grid-cols-3">
      <Field id={`${idPrefix}-layout`} label={t("layout")} errors={errors.layout}>
        {(control) => (
          <select {...control} value={draft.layout} onChange={(e) => set({ layout: e.target.value as ScreenLayout })} className={inputClass}>
            {SCREEN_LAYOUTS.map((l) => (
              <option key={l} value={l}>
                {t(`layoutName.${l}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id={`${idPrefix}-theme`} label={t("theme")} errors={errors.theme}>
        {(control) => (
          <select {...control} value={draft.theme} onChange={(e) => set({ theme: e.target.value as ScreenTheme })} className={inputClass}>
            {SCREEN_THEMES.map((th) => (
              <option key={th} value={th}>
                {t(`themeName.${th}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <LanguageField id={`${idPrefix}-language`} label={t("language")} value={draft.language} onChange={(language) => set({ language })} errors={errors.language} />
    </div>
  );
}
