// Who may read the dashboard and the REST API: anyone (the embedded demo's default) or signed-in users only.
// Plain JavaScript so that both the environment check (env.js, loaded by next.config.js) and the typed constants
// (constants.ts) take the values from this one list.
export const READ_ACCESS_MODES = /** @type {const} */ (["public", "signed-in"]);
