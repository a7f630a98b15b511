// Operator CLI for email alerts:
//
//   npm run alerts -- subscribe --email <a> (--deadlines all|<deadline-key> | --sector <s> | --kind <k>)
//                               [--offsets 30d,7d,1d,0] [--tz Asia/Seoul] [--lang en|ko] [--name <n>] [--confirmed]
//   npm run alerts -- tick --now <ISO-8601> [--dry-run]   one scheduler pass as if the clock read that instant
//   npm run alerts -- outbox                              the latest outbox emails and their delivery status
//
// The command itself is scripts/commands/alerts.ts.
import { runCli } from "./cli";
import { main } from "./commands/alerts";

runCli(main);
