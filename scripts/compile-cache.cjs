// A V8 code cache for the server's CommonJS modules (the production build's chunks and Next's own files), preloaded
// by `npm start` with `node --require`: a restart or a first start then deserialises compiled code instead of parsing
// and compiling ~20 MB of JavaScript again (Node 22 has module.enableCompileCache for this; Node 20 does not, and the
// v8-compile-cache package breaks Node 20's require() of ES modules). Only files under .next/server and
// node_modules are handled; a file that uses import() or does not compile as a plain CommonJS script goes to Node.
// The cache lives in node_modules/.cache/tradewatch/v8/<build id>; a changed file has a new key, V8 rejects data
// from another V8 version (the file is then compiled as usual and its entry rewritten). TRADEWATCH_COMPILE_CACHE=off
// turns it off.
"use strict";
const Module = require("node:module");
const vm = require("node:vm");
const fs = require("node:fs");
const path = require("node:path");
const { createHash } = require("node:crypto");

const ROOT = process.cwd();
const SCOPES = [path.join(ROOT, ".next", "server") + path.sep, path.join(ROOT, "node_modules") + path.sep];
const BASE = path.join(ROOT, "node_modules", ".cache", "tradewatch", "v8");
/** Written once the first pages have been served, so lazily compiled functions are in the cache too. */
const FLUSH_AFTER_MS = 15_000;

function buildId() {
  try {
    return fs.readFileSync(path.join(ROOT, ".next", "BUILD_ID"), "utf8").trim();
  } catch {
    return null;
  }
}

function install() {
  const id = buildId();
  if (!id || process.env.TRADEWATCH_COMPILE_CACHE === "off") return;
  const dir = path.join(BASE, id.replace(/[^\w-]/g, "_"));
  /** @type {{ script: import("node:vm").Script; file: string }[]} */
  let pending = [];
  const original = Module.prototype._compile;

  Module.prototype._compile = function compileWithCache(content, filename) {
    // A script restored from a code cache loses its dynamic-import callback on Node 20 ("A dynamic import callback
    // was not specified"), so files that use import() are left to Node (8 of the build's 330 chunks).
    if (!SCOPES.some((scope) => filename.startsWith(scope)) || content.includes("import(")) {
      return original.call(this, content, filename);
    }
    const file = path.join(dir, createHash("sha1").update(filename).update("\0").update(content).digest("hex"));
    let cachedData;
    try {
      cachedData = fs.readFileSync(file);
    } catch {
      // not cached yet
    }
    let script;
    try {
      script = new vm.Script(Module.wrap(content), {
        filename,
        cachedData,
      });
    } catch {
      return original.call(this, content, filename); // e.g. ES module syntax: Node's loader knows what to do
    }
    if (!cachedData || script.cachedDataRejected) pending.push({ script, file });
    const fn = script.runInThisContext({ displayErrors: true });
    return fn.call(this.exports, this.exports, makeRequire(this), this, filename, path.dirname(filename));
  };

  const write = ({ script, file }) => {
    try {
      fs.writeFileSync(file, script.createCachedData());
    } catch (error) {
      console.warn(`[tradewatch] compile cache not written: ${error.message}`);
    }
  };
  const prepare = () => {
    try {
      fs.mkdirSync(dir, { recursive: true });
      for (const old of fs.readdirSync(BASE)) if (path.join(BASE, old) !== dir) fs.rmSync(path.join(BASE, old), { recursive: true, force: true });
      return true;
    } catch (error) {
      console.warn(`[tradewatch] compile cache not written: ${error.message}`);
      return false;
    }
  };
  // One file per turn of the event loop, so a server answering requests is never held up for long.
  const flushInTurns = () => {
    if (pending.length === 0 || !prepare()) return;
    const step = () => {
      const next = pending.shift();
      if (!next) return;
      write(next);
      setImmediate(step).unref();
    };
    step();
  };
  const flushNow = () => {
    if (pending.length === 0 || !prepare()) return;
    for (const item of pending.splice(0)) write(item);
  };
  setTimeout(flushInTurns, FLUSH_AFTER_MS).unref();
  process.once("exit", flushNow);
}

function makeRequire(mod) {
  const require = (id) => mod.require(id);
  require.resolve = (request, options) => Module._resolveFilename(request, mod, false, options);
  require.resolve.paths = (request) => Module._resolveLookupPaths(request, mod);
  require.main = process.mainModule;
  require.extensions = Module._extensions;
  require.cache = Module._cache;
  return require;
}

install();
