// Operator CLI for status screens:
//
//   npm run screens -- create --name <name> [--panels deadlines,tariffs,market] [--layout grid|rotation]
//                             [--lang en|ko] [--theme dark|light] [--key <key>] [--device <label>]
//       prints the screen's URL with a new device token (${PUBLIC_URL}/screen/<key>?token=…), for scripts
//   npm run screens -- list                       every screen, its version and devices
//   npm run screens -- revoke --device <id>       revokes one device's token (its open screen closes)
//
// The command itself is scripts/commands/screens.ts.
import { runCli } from "./cli";
import { main } from "./commands/screens";

runCli(main);
