// POST /api/articles/upload (multipart/form-data, field `file`): the same session and cross-site checks as /api/trpc
// mutations, the size refused (413) before the body is read in full, then ingestUpload. Built over injected
// dependencies so tests can drive it against any database.
import type { Db } from "@/db/client";
import { crossSiteReason, forbiddenCrossSite } from "@/server/core/origin";
import { hasRole, type SessionUser } from "@/server/core/session-user";
import { MAX_ARTICLE_BYTES } from "@/server/news/constants";
import { readLimited } from "@/server/core/http-body";
import { ServiceError } from "@/server/core/errors";
import { ingestUpload } from "./ingest";

export type UploadHttpDeps = {
  db: () => Promise<Db>;
  user: (headers: Headers) => Promise<SessionUser | null>;
  now?: () => Date;
  publicUrl?: string;
};

/** Multipart overhead allowed on top of the file itself. */
const FORM_OVERHEAD = 64 * 1024;

function problem(status: number, field: string, message: string): Response {
  return Response.json({ error: { field, message } }, { status, headers: { "cache-control": "no-store" } });
}

export function createUploadHandler(deps: UploadHttpDeps) {
  return async (req: Request): Promise<Response> => {
    const refused = crossSiteReason(req, deps.publicUrl);
    if (refused) return forbiddenCrossSite(refused);
    const user = await deps.user(req.headers);
    if (!user) return problem(401, "file", "Sign in first.");
    if (!hasRole(user, "editor")) return problem(403, "file", `This needs the editor role; you are ${user.role}.`);
    const tooLarge = () => problem(413, "file", "The file is larger than 5 MB; upload a shorter article.");
    const declared = Number(req.headers.get("content-length") ?? "0");
    if (declared > MAX_ARTICLE_BYTES + FORM_OVERHEAD) return tooLarge();
    // Read at most the limit, whatever Content-Length said (chunked uploads have none).
    const limited = await readLimited(req, MAX_ARTICLE_BYTES + FORM_OVERHEAD);
    if (!limited) return tooLarge();
    let form: FormData;
    try {
      form = await new Request(req.url, { method: "POST", headers: req.headers, body: limited }).formData();
    } catch {
      return problem(400, "file", "Send the file as multipart/form-data in a field named file.");
    }
    const file = form.get("file");
    if (!file || typeof file === "string") return problem(400, "file", "Choose a file to upload.");
    if (file.size > MAX_ARTICLE_BYTES) return tooLarge();
    try {
      const result = await ingestUpload(
        await deps.db(),
        { fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) },
        { now: (deps.now ?? (() => new Date()))(), userId: user.id },
      );
      return Response.json(
        result.status === "created"
          ? { status: "created", articleId: result.articleId, proposals: result.proposals }
          : { status: "duplicate", articleId: result.articleId, by: result.by, proposals: 0 },
        { headers: { "cache-control": "no-store" } },
      );
    } catch (error) {
      if (error instanceof ServiceError) return problem(error.code === "NOT_FOUND" ? 404 : 400, error.field ?? "file", error.message);
      console.error("[articles/upload]", error);
      return problem(500, "file", "Internal error; it has been logged.");
    }
  };
}
