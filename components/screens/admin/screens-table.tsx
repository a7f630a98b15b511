// Every status screen: its name (linking to its page), key, layout, panels, devices and when a device last showed it.
import { getTranslations } from "@/i18n/translations";
import { DataTable } from "@/components/ui/table";
import { TextLink } from "@/components/ui/text-link";
import { formatInstant, type DisplayLocale } from "@/lib/format";
import { DISPLAY_ZONES } from "@/server/core/constants";
import type { ScreenSummary } from "@/server/screens/screens";

export async function ScreensTable({ screens, locale }: { screens: ScreenSummary[]; locale: DisplayLocale }) {
  const t = await getTranslations("screens");
  return (
    <DataTable
      data-testid="screens-list"
      rows={screens}
      rowKey={(s) => s.id}
      rowProps={(s) => ({ "data-testid": `screen-${s.key}` })}
      empty={t("none")}
      columns={[
        {
          header: t("name"),
          rowHeader: true,
          cell: (s) => <TextLink href={`/screens/${s.key}`}>{s.name}</TextLink>,
        },
        { header: t("key"), cell: (s) => s.key, className: "font-mono text-xs" },
        { header: t("layout"), cell: (s) => t(`layoutName.${s.config.layout}`) },
        { header: t("panels"), cell: (s) => s.config.panels.map((p) => t(`panel.${p.panel}`)).join(", ") },
        { header: t("devices"), cell: (s) => s.activeDevices },
        { header: t("lastSeen"), cell: (s) => (s.lastSeenAt ? formatInstant(s.lastSeenAt, DISPLAY_ZONES.seoul, locale) : t("never")) },
      ]}
    />
  );
}
