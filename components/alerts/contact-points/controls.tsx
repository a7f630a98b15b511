"use client";
// A contact point's buttons: send a test (the receiver's answer shown beside it), pause or resume, delete.
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { InlineProblem } from "@/components/ui/form-status";
import { useForm } from "@/components/ui/use-form";
import { trpc } from "@/lib/trpc-client";

export function ContactPointControls({ id, name, paused }: { id: number; name: string; paused: boolean }) {
  const t = useTranslations("contactPoints");
  const test = useForm<string>({ refresh: true });
  const toggle = useForm({ refresh: true });
  const sendTest = () =>
    test.run(async () => {
      const r = await trpc.alerts.admin.contactPoints.sendTest.mutate({ id });
      return t(`testOutcome.${r.outcome ?? "none"}`, { detail: r.detail ?? "" });
    });
  const flip = () =>
    toggle.run(async () => {
      await trpc.alerts.admin.contactPoints.update.mutate({ id, paused: !paused });
      return null;
    });
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <Button variant="outline" size="sm" disabled={!test.ready || test.pending || paused} onClick={() => void sendTest()} aria-label={`${t("sendTest")}: ${name}`}>
        {test.pending ? t("testing") : t("sendTest")}
      </Button>
      <Button variant="outline" size="sm" disabled={!toggle.ready || toggle.pending} onClick={() => void flip()} aria-label={`${paused ? t("resume") : t("pause")}: ${name}`}>
        {paused ? t("resume") : t("pause")}
      </Button>
      <span role="status" className="text-xs" data-testid="test-outcome">
        {test.done}
      </span>
      <InlineProblem problem={test.problem ?? toggle.problem} />
    </span>
  );
}
