// Builders shared by the seed files: instants as local time in the zone a source states them in, and the day a
// record became known there. What they build is plain data (the seed checksum hashes it as JSON).
import type { Known, LocalInstant } from "./types";

/** Washington time; US measures take effect at 00:01. */
export const ny = (date: string, time = "00:01"): LocalInstant => ({ local: `${date}T${time}`, zone: "America/New_York" });
export const seoul = (date: string, time = "00:00"): LocalInstant => ({ local: `${date}T${time}`, zone: "Asia/Seoul" });
/** Known from the end of that day in Washington / in Seoul. */
export const usDay = (on: string): Known => ({ on, zone: "America/New_York" });
export const krDay = (on: string): Known => ({ on, zone: "Asia/Seoul" });

/** The record without its undefined fields, so optional fields a builder passes on stay absent. */
export function defined<T extends object>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as T;
}
