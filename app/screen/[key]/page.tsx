// /screen/<key>?token=… — a status screen. Everything it shows arrives over its live feed; the page only hands the
// client both languages' words (the screen's language comes with its configuration and may change while it runs).
import type { Metadata } from "next";
import en from "@/messages/en.json";
import ko from "@/messages/ko.json";
import { screenWords } from "@/components/screens/wall/labels";
import { ScreenView } from "@/components/screens/wall/screen-view";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: en.screen.title };

export default async function ScreenPage({ params }: { params: Promise<{ key: string }> }) {
  const { key } = await params;
  return <ScreenView screenKey={key} labels={{ en: screenWords(en), ko: screenWords(ko) }} />;
}
