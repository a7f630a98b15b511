"use client";

// A status screen: a TV on a wall for weeks, no keyboard, nobody signed in. One EventSource (use-screen-feed) and one
// interval for everything that moves — countdowns, clocks, the rotation, staleness, burn-in shift, night dimming —
// all on the server's clock as estimated from the feed. React replaces the content in place; nothing accumulates.
import { useEffect, useRef, useState } from "react";
import { DISPLAY_ZONES } from "@/server/core/constants";
import { burnInShift, fill, nightOverlayOpacity, rotationIndex, staleAfterMs } from "@/server/screens/wall-rules";
import { formatTimeOfDay } from "@/lib/format";
import type { ScreenLabels } from "./labels";
import { Panel } from "./panels";
import { tokenStorageKey, useScreenFeed } from "./use-screen-feed";

const TICK_MS = 250;

type Tick = { now: number; stale: boolean };

const clockFormats = new Map<string, Intl.DateTimeFormat>();
function clockTime(now: number, zone: string): string {
  let f = clockFormats.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-GB", { timeZone: zone, hourCycle: "h23", hour: "2-digit", minute: "2-digit", second: "2-digit" });
    clockFormats.set(zone, f);
  }
  return f.format(now);
}

/** The device token: from the URL (then kept for later visits), else from this device's storage. */
function readToken(screenKey: string): string | null {
  const fromUrl = new URLSearchParams(location.search).get("token");
  try {
    if (fromUrl) localStorage.setItem(tokenStorageKey(screenKey), fromUrl);
    return fromUrl ?? localStorage.getItem(tokenStorageKey(screenKey));
  } catch {
    return fromUrl;
  }
}

export function ScreenView({ screenKey, labels }: { screenKey: string; labels: ScreenLabels }) {
  const [token, setToken] = useState<string | null | undefined>(undefined);
  const staleMs = useRef(60_000);
  useEffect(() => {
    setToken(readToken(screenKey));
    staleMs.current = staleAfterMs(new URLSearchParams(location.search).get("staleAfter"));
  }, [screenKey]);

  const feed = useScreenFeed(screenKey, token);
  const { offset, lastHeard, status } = feed;

  // The one timer: re-render when the displayed second changes or staleness flips.
  const [tick, setTick] = useState<Tick | null>(null);
  const live = status === "live";
  useEffect(() => {
    const update = () => {
      const now = Date.now() + offset.current;
      const stale = live && performance.now() - lastHeard.current > staleMs.current;
      setTick((prev) => (prev && Math.floor(prev.now / 1000) === Math.floor(now / 1000) && prev.stale === stale ? prev : { now, stale }));
    };
    update();
    const timer = setInterval(update, TICK_MS);
    return () => clearInterval(timer);
  }, [offset, lastHeard, live]);

  // The rotation restarts from the first panel when the configuration changes.
  const rotationStart = useRef<number | null>(null);
  const config = feed.config;
  useEffect(() => {
    rotationStart.current = null;
  }, [config]);

  const lang = config?.language ?? feed.language ?? "en";
  const words = labels[lang];
  const theme = config?.theme ?? "dark";

  if (status === "revoked" || status === "no-token") {
    return (
      <div className="tw-screen" data-theme={theme} lang={lang} data-testid="screen" data-status={status}>
        <div className="tw-screen__message" role="alert">
          <h1>{status === "revoked" ? words.screen.disconnected : words.screen.noToken}</h1>
          <p>{status === "revoked" ? words.screen.disconnectedHint : words.screen.noTokenHint}</p>
        </div>
      </div>
    );
  }

  const snapshot = feed.snapshot;
  if (!config || !snapshot || !tick) {
    return (
      <div className="tw-screen" data-theme={theme} lang={lang} data-testid="screen" data-status="connecting">
        <div className="tw-screen__message" role="status">
          <h1>{words.screen.connecting}</h1>
        </div>
      </div>
    );
  }

  const now = tick.now;
  rotationStart.current ??= now;
  const panels = config.panels;
  const shown =
    config.layout === "rotation"
      ? [panels[rotationIndex(panels.map((p) => p.durationSeconds), now - rotationStart.current)] ?? panels[0]!]
      : panels;
  const zone = DISPLAY_ZONES[config.clocks[0] ?? "seoul"];
  const shift = burnInShift(now);
  const dim = nightOverlayOpacity(config.night, now);
  const ctx = { words, lang, now, zone };

  return (
    <div className="tw-screen" data-theme={theme} lang={lang} data-testid="screen" data-status="live" data-stale={tick.stale}>
      <div className="tw-screen__stage" style={{ transform: `translate(${shift.x}px, ${shift.y}px)` }}>
        <header className="tw-screen__top">
          <h1 className="tw-screen__name">{config.name}</h1>
          <div className="tw-clocks">
            {config.clocks.map((c) => (
              <div key={c} className="tw-clock" data-testid={`screen-clock-${c}`}>
                <span className="tw-clock__label">{words.screen.clocks[c]}</span>
                <span className="tw-clock__time">{clockTime(now, DISPLAY_ZONES[c])}</span>
              </div>
            ))}
          </div>
        </header>
        {tick.stale ? (
          <p className="tw-screen__banner" role="alert" data-testid="screen-stale">
            {fill(words.screen.stale, { time: formatTimeOfDay(snapshot.serverTime, zone) })}
          </p>
        ) : null}
        <div className={`tw-panels tw-panels--${config.layout}`} data-count={shown.length}>
          {shown.map((p) => (
            <Panel key={p.panel} panel={p.panel} snapshot={snapshot} ctx={ctx} />
          ))}
        </div>
      </div>
      {dim > 0 ? <div className="tw-screen__night" style={{ opacity: dim }} aria-hidden="true" data-testid="screen-night" /> : null}
    </div>
  );
}
