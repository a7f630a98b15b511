// Article upload (multipart): server/ingest/upload-http.ts.
import { getSessionUser, publicUrl } from "@/server/auth";
import { getDb } from "@/server/db";
import { createUploadHandler } from "@/server/ingest/upload-http";

export const dynamic = "force-dynamic";

export const POST = createUploadHandler({ db: getDb, user: getSessionUser, publicUrl });
