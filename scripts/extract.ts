// `npm run extract -- [--published YYYY-MM-DD] <files…>`: the facts each article states, as FACTS.md JSON on stdout:
//   { "files": [ { "file": "<name>", "date": "<publication, when known>", "facts": [ … ] } ] }
// .txt is read as text, .md through the markdown stripper and .html through the readable-text extractor
// (server/news/ingest/readable.ts; its page date is the publication date unless --published is given). A file that cannot be read (missing, empty,
// binary, not UTF-8, over 5 MB) is named on stderr with the reason and listed with "error" and no facts; the others
// are still processed. Exit code 1 when any file failed, 0 otherwise, 2 on a usage error.
//
// The command itself is scripts/commands/extract.ts.
import { runCli } from "./cli";
import { main } from "./commands/extract";

runCli(main, { exit: "when-done" });
