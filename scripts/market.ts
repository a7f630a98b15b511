// Operator CLI for market data (the KOSPI series):
//
//   npm run market -- import <file.csv> [--series kospi] [--now <ISO>]   append daily closes from a CSV file
//   npm run market -- fetch [--now <ISO>] [--from YYYY-MM-DD]              one market-close job run, prints what it appended
//   npm run market -- status                                              provider, last stored close, last and next job run
//
// The command itself is scripts/commands/market.ts.
import { runCli } from "./cli";
import { main } from "./commands/market";

runCli(main);
