// /screen/pair — a TV types the pairing code an editor shows and becomes a screen (see components/screens/wall/pair-form).
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PairForm } from "@/components/screens/wall/pair-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("screen.pair");
  return { title: t("title") };
}

export default function PairPage() {
  return <PairForm />;
}
