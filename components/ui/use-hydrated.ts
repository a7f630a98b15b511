"use client";
// True once React has hydrated the component in the browser; false in the server's HTML and during hydration.
// A form's submit button is disabled until then: clicked earlier, the browser would submit the form natively, as a
// GET of the page with every field (a password too) in the address, and what was typed would be lost.
import { useSyncExternalStore } from "react";

const noSubscription = () => () => {};

export function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}
