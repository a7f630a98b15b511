// A screen's devices: label, pairing state, when created, last seen and revoked; editors can revoke one.
import { getTranslations } from "@/i18n/translations";
import { RevokeButton } from "./device-controls";
import { Badge } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/table";
import { formatInstant, type DisplayLocale } from "@/lib/format";
import { DISPLAY_ZONES } from "@/server/core/constants";
import type { ScreenDeviceRow } from "@/server/screens/screens";

export async function DevicesTable({
  devices,
  canEdit,
  now,
  locale,
}: {
  devices: ScreenDeviceRow[];
  canEdit: boolean;
  now: Date;
  locale: DisplayLocale;
}) {
  const t = await getTranslations("screens");
  const when = (d: Date | null) => (d ? formatInstant(d, DISPLAY_ZONES.seoul, locale) : "—");
  const state = (d: ScreenDeviceRow) => {
    if (d.revokedAt) return <Badge tone="neutral">{t("revoked")}</Badge>;
    if (d.paired) return <Badge tone="success">{t("paired")}</Badge>;
    if (d.pairingExpiresAt && d.pairingExpiresAt <= now) return <Badge tone="neutral">{t("codeExpired")}</Badge>;
    return <Badge tone="warning">{t("waitingForCode", { until: when(d.pairingExpiresAt) })}</Badge>;
  };
  return (
    <DataTable
      data-testid="devices"
      rows={devices}
      rowKey={(d) => d.id}
      rowProps={(d) => ({ "data-testid": `device-${d.id}` })}
      empty={t("noDevices")}
      columns={[
        { header: t("deviceLabel"), rowHeader: true, cell: (d) => d.label },
        { header: t("status"), cell: state },
        { header: t("createdAt"), cell: (d) => when(d.createdAt) },
        { header: t("lastSeen"), cell: (d) => (d.lastSeenAt ? when(d.lastSeenAt) : t("never")) },
        { header: t("revokedAt"), cell: (d) => when(d.revokedAt) },
        canEdit && {
          header: <span className="sr-only">{t("actions")}</span>,
          cell: (d) => (d.revokedAt ? null : <RevokeButton deviceId={d.id} label={d.label} />),
        },
      ]}
    />
  );
}
