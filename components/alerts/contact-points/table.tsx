// The team's contact points: name, type, the URL's hint (never the URL), what it follows, status, and the controls.
import { getTranslations } from "@/i18n/translations";
import { Badge } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/table";
import { TextLink } from "@/components/ui/text-link";
import { followsLabel } from "@/components/alerts/follows";
import type { SubscriptionScope } from "@/server/alerts/constants";
import { ContactPointControls } from "./controls";

export type ContactPointRow = {
  id: number;
  name: string;
  type: "slack" | "teams" | "webhook";
  urlHint: string;
  hasUrl: boolean;
  paused: boolean;
  language: string;
  timeZone: string;
  subscriptions: { id: number; scope: SubscriptionScope; scopeValue: string; offsets: string }[];
};

export async function ContactPointsTable({ points }: { points: ContactPointRow[] }) {
  const [t, tAll] = await Promise.all([getTranslations("contactPoints"), getTranslations()]);
  return (
    <DataTable
      data-testid="contact-points"
      rows={points}
      rowKey={(p) => p.id}
      empty={t("none")}
      columns={[
        { header: t("name"), rowHeader: true, cell: (p) => <TextLink href={`/admin/alerts/contact-points/${p.id}`}>{p.name}</TextLink> },
        { header: t("type"), cell: (p) => t(`types.${p.type}`) },
        { header: t("url"), cell: (p) => <span className="font-mono text-xs">{p.hasUrl ? p.urlHint : t("noUrl")}</span> },
        {
          header: t("follows"),
          cell: (p) => (
            <ul>
              {p.subscriptions.map((s) => (
                <li key={s.id}>
                  {followsLabel(tAll, s.scope, s.scopeValue)} <span className="font-mono text-xs text-muted-foreground">{s.offsets}</span>
                </li>
              ))}
            </ul>
          ),
        },
        { header: t("zoneLanguage"), cell: (p) => `${p.timeZone} · ${p.language}` },
        { header: t("status"), cell: (p) => <Badge tone={p.paused ? "neutral" : "success"}>{p.paused ? t("paused") : t("active")}</Badge> },
        { header: t("actions"), cell: (p) => <ContactPointControls id={p.id} name={p.name} paused={p.paused} /> },
      ]}
    />
  );
}
