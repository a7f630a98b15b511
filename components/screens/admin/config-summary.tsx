// A screen's configuration as text, for viewers (editors get the form instead).
import { getTranslations } from "@/i18n/translations";
import type { ScreenConfig } from "@/server/screens/schemas";

export async function ConfigSummary({ config }: { config: ScreenConfig }) {
  const t = await getTranslations("screens");
  const panel = (p: ScreenConfig["panels"][number]) =>
    config.layout === "rotation" ? `${t(`panel.${p.panel}`)} (${p.durationSeconds} ${t("seconds")})` : t(`panel.${p.panel}`);
  return (
    <dl className="grid gap-1 text-sm sm:grid-cols-[max-content_1fr] sm:gap-x-4" data-testid="screen-config">
      <dt className="font-medium">{t("layout")}</dt>
      <dd>{t(`layoutName.${config.layout}`)}</dd>
      <dt className="font-medium">{t("panels")}</dt>
      <dd>{config.panels.map(panel).join(", ")}</dd>
      <dt className="font-medium">{t("theme")}</dt>
      <dd>{t(`themeName.${config.theme}`)}</dd>
      <dt className="font-medium">{t("clocks")}</dt>
      <dd>{config.clocks.map((c) => t(`clock.${c}`)).join(", ") || "—"}</dd>
      <dt className="font-medium">{t("night")}</dt>
      <dd>{config.night ? t("nightSummary", { ...config.night }) : t("nightOff")}</dd>
    </dl>
  );
}
