// /screen/pair — a TV types the pairing code an editor shows and becomes a screen (see components/screens/wall/pair-form).
import { PairForm } from "@/components/screens/wall/pair-form";
import { titleFrom } from "@/app/_lib/metadata";

export const generateMetadata = titleFrom("screen.pair.title");

export default function PairPage() {
  return <PairForm />;
}
