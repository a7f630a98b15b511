// Article upload (multipart): server/news/ingest/upload-http.ts.
import { getSessionUser, publicUrl } from "@/server/users/auth";
import { getDb } from "@/server/core/db";
import { createUploadHandler } from "@/server/news/ingest/upload-http";

export const dynamic = "force-dynamic";

export const POST = createUploadHandler({ db: getDb, user: getSessionUser, publicUrl });
