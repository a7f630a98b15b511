// Status screens (/screen/<key>, /screen/pair): full-screen pages for TVs. The site's header, navigation and skip link
// are hidden by app/screen/screen.css while a `.tw-screen-page` is on the page; no scrollbars, no cursor.
import type { Metadata } from "next";
import type { ReactNode } from "react";
import { AllClientMessages } from "@/components/layout/client-messages";
import { KOREAN_FONT_CSS } from "@/lib/korean-font";
import "./screen.css";

export const metadata: Metadata = { robots: { index: false, follow: false } };

export default function ScreenLayout({ children }: { children: ReactNode }) {
  return (
    <AllClientMessages>
      {/* A wall TV's browser may have no Korean font at all: the screens always carry Hangul's web font. */}
      <link rel="stylesheet" href={KOREAN_FONT_CSS} precedence="default" />
      <div className="tw-screen-page">{children}</div>
    </AllClientMessages>
  );
}
