// Account administration from the command line, for the first admin and for recovery:
//
//   npm run users -- create-admin --email <address> [--name <name>]   password from stdin if piped, else a prompt
//                                                                     on a terminal (--generate: a one-time one)
//   npm run users -- create --email <address> --role editor|viewer|admin [--name <name>]   same password rules
//   npm run users -- list
//
// The command itself is scripts/commands/users.ts.
import { runCli } from "./cli";
import { main } from "./commands/users";

runCli(main);
