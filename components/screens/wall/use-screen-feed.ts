"use client";

// The screen's one connection: an EventSource on /api/screens/<key>/events. The browser reconnects by itself after a
// network drop or a server restart (the stream says `retry: 3000`), and the snapshot sent on every connect re-syncs
// the page. Each snapshot and ping also tells the server's time: `offset` keeps the screen on the server's clock.
import { useEffect, useRef, useState, type RefObject } from "react";
import type { Locale } from "@/server/core/constants";
import type { ScreenConfig } from "@/server/screens/schemas";
import type { ScreenSnapshot } from "@/server/screens/snapshot";

export type FeedStatus = "connecting" | "live" | "revoked" | "no-token";

export type Feed = {
  status: FeedStatus;
  config: ScreenConfig | null;
  /** The screen's language, kept after a revocation clears everything else. */
  language: Locale | null;
  snapshot: ScreenSnapshot | null;
  /** Server time minus the browser's Date.now(), from the latest snapshot or ping. */
  offset: RefObject<number>;
  /** performance.now() when the last event or ping arrived. */
  lastHeard: RefObject<number>;
};

/** Where a paired device keeps its token for a screen (the URL may carry it instead). */
export const tokenStorageKey = (screenKey: string) => `tradewatch.screen.token.${screenKey}`;

/** A closed EventSource is opened again after this long, unless its token was refused. */
const REOPEN_MS = 5_000;

export function useScreenFeed(screenKey: string, token: string | null | undefined): Feed {
  const [state, setState] = useState<Pick<Feed, "status" | "config" | "snapshot" | "language">>({
    status: "connecting",
    config: null,
    snapshot: null,
    language: null,
  });
  const offset = useRef(0);
  const lastHeard = useRef(0);

  useEffect(() => {
    if (token === undefined) return; // not read yet
    if (token === null) {
      setState({ status: "no-token", config: null, snapshot: null, language: null });
      return;
    }
    lastHeard.current = performance.now();
    const heard = (serverTime?: string) => {
      lastHeard.current = performance.now();
      const t = serverTime ? Date.parse(serverTime) : NaN;
      if (!Number.isNaN(t)) offset.current = t - Date.now();
    };
    const url = `/api/screens/${encodeURIComponent(screenKey)}/events?token=${encodeURIComponent(token)}`;
    return connect(url, {
      config(config) {
        heard();
        setState((s) => ({ ...s, config, language: config.language }));
      },
      snapshot(snapshot) {
        heard(snapshot.serverTime);
        setState((s) => ({ ...s, status: "live", snapshot }));
      },
      ping: heard,
      revoked() {
        try {
          localStorage.removeItem(tokenStorageKey(screenKey));
        } catch {
          // storage unavailable: nothing kept
        }
        setState((s) => ({ status: "revoked", config: null, snapshot: null, language: s.language }));
      },
    });
  }, [screenKey, token]);

  return { ...state, offset, lastHeard };
}

type FeedEvents = {
  config: (config: ScreenConfig) => void;
  snapshot: (snapshot: ScreenSnapshot) => void;
  ping: (serverTime?: string) => void;
  /** The token was refused: the connection is closed for good. */
  revoked: () => void;
};

const dataOf = <T>(e: Event) => JSON.parse((e as MessageEvent<string>).data) as T;

/** Keeps an EventSource open on `url`, telling `on` what arrives; returns the function that closes it for good. */
function connect(url: string, on: FeedEvents): () => void {
  let source: EventSource | null = null;
  let reopenTimer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const stop = () => {
    stopped = true;
    clearTimeout(reopenTimer);
    source?.close();
    source = null;
  };
  const revoke = () => {
    stop();
    on.revoked();
  };
  const reopenLater = () => {
    if (!stopped) reopenTimer = setTimeout(open, REOPEN_MS);
  };
  const open = () => {
    if (stopped) return;
    const es = new EventSource(url);
    source = es;
    es.addEventListener("config", (e) => on.config(dataOf<{ config: ScreenConfig }>(e).config));
    es.addEventListener("snapshot", (e) => on.snapshot(dataOf<ScreenSnapshot>(e)));
    es.addEventListener("ping", (e) => on.ping(dataOf<{ serverTime?: string }>(e).serverTime));
    es.addEventListener("reload", () => location.reload());
    es.addEventListener("revoked", revoke);
    es.onerror = () => {
      // While CONNECTING the browser retries by itself. CLOSED means it gave up on an answer that was not a stream
      // (a 401 for a bad or revoked token, or an error page): EventSource hides the status, so ask once.
      if (es.readyState !== EventSource.CLOSED || stopped) return;
      es.close();
      source = null;
      const check = new AbortController();
      fetch(url, { cache: "no-store", signal: check.signal })
        .then((res) => {
          check.abort(); // a 200 is a stream: do not keep it open
          if (res.status === 401) revoke();
          else reopenLater();
        })
        .catch(() => reopenLater());
    };
  };
  open();
  return stop;
}
