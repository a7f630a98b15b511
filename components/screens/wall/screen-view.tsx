"use client";

// A status screen: a TV on a wall for weeks, no keyboard, nobody signed in. One EventSource (use-screen-feed) and one
// interval for everything that moves — countdowns, clocks, the rotation, staleness, burn-in shift, night dimming —
// all on the server's clock as estimated from the feed. React replaces the content in place; nothing accumulates.
import { useEffect, useRef, useState, type RefObject } from "react";
import { DISPLAY_ZONES } from "@/server/core/constants";
import { burnInShift, fill, nightOverlayOpacity, rotationIndex, staleAfterMs } from "@/server/screens/wall-rules";
import { formatTimeOfDay } from "@/lib/format";
import type { ScreenConfig } from "@/server/screens/schemas";
import type { ScreenLabels, ScreenWords } from "./labels";
import { Panel } from "./panels";
import { tokenStorageKey, useScreenFeed, type Feed } from "./use-screen-feed";

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

/** The device's token (undefined until read on the client) and how long without news makes the screen stale. */
function useDevice(screenKey: string) {
  const [token, setToken] = useState<string | null | undefined>(undefined);
  const staleMs = useRef(60_000);
  useEffect(() => {
    setToken(readToken(screenKey));
    staleMs.current = staleAfterMs(new URLSearchParams(location.search).get("staleAfter"));
  }, [screenKey]);
  return { token, staleMs };
}

/** The one timer: re-renders when the displayed second changes or staleness flips. */
function useTick(feed: Feed, staleMs: RefObject<number>): Tick | null {
  const [tick, setTick] = useState<Tick | null>(null);
  const { offset, lastHeard } = feed;
  const live = feed.status === "live";
  useEffect(() => {
    const update = () => {
      const now = Date.now() + offset.current;
      const stale = live && performance.now() - lastHeard.current > staleMs.current;
      setTick((prev) => (prev && Math.floor(prev.now / 1000) === Math.floor(now / 1000) && prev.stale === stale ? prev : { now, stale }));
    };
    update();
    const timer = setInterval(update, TICK_MS);
    return () => clearInterval(timer);
  }, [offset, lastHeard, live, staleMs]);
  return tick;
}

type Frame = { theme: string; lang: string };

/** A whole-screen message instead of the panels: disconnected, no token, connecting. */
function ScreenMessage({ frame, status, title, hint }: { frame: Frame; status: string; title: string; hint?: string }) {
  return (
    <div className="tw-screen" data-theme={frame.theme} lang={frame.lang} data-testid="screen" data-status={status}>
      <div className="tw-screen__message" role={status === "connecting" ? "status" : "alert"}>
        <h1>{title}</h1>
        {hint ? <p>{hint}</p> : null}
      </div>
    </div>
  );
}

function Clocks({ clocks, now, words }: { clocks: ScreenConfig["clocks"]; now: number; words: ScreenWords }) {
  return (
    <div className="tw-clocks">
      {clocks.map((c) => (
        <div key={c} className="tw-clock" data-testid={`screen-clock-${c}`}>
          <span className="tw-clock__label">{words.screen.clocks[c]}</span>
          <span className="tw-clock__time">{clockTime(now, DISPLAY_ZONES[c])}</span>
        </div>
      ))}
    </div>
  );
}

export function ScreenView({ screenKey, labels }: { screenKey: string; labels: ScreenLabels }) {
  const { token, staleMs } = useDevice(screenKey);
  const feed = useScreenFeed(screenKey, token);
  const tick = useTick(feed, staleMs);

  // The rotation restarts from the first panel when the configuration changes.
  const rotationStart = useRef<number | null>(null);
  const { config, snapshot, status } = feed;
  useEffect(() => {
    rotationStart.current = null;
  }, [config]);

  const lang = config?.language ?? feed.language ?? "en";
  const words = labels[lang];
  const frame = { theme: config?.theme ?? "dark", lang };

  if (status === "revoked") return <ScreenMessage frame={frame} status={status} title={words.screen.disconnected} hint={words.screen.disconnectedHint} />;
  if (status === "no-token") return <ScreenMessage frame={frame} status={status} title={words.screen.noToken} hint={words.screen.noTokenHint} />;
  if (!config || !snapshot || !tick) return <ScreenMessage frame={frame} status="connecting" title={words.screen.connecting} />;

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
    <div className="tw-screen" data-theme={frame.theme} lang={lang} data-testid="screen" data-status="live" data-stale={tick.stale}>
      <div className="tw-screen__stage" style={{ transform: `translate(${shift.x}px, ${shift.y}px)` }}>
        <header className="tw-screen__top">
          <h1 className="tw-screen__name">{config.name}</h1>
          <Clocks clocks={config.clocks} now={now} words={words} />
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
