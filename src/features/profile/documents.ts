import crypto from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { db, type Tx } from "@/server/db";
import { env } from "@/server/env";
import { MAX_DOCUMENT_BYTES } from "@/lib/uploads";

/**
 * Supplier documents (certificates, licences, bank letters). Files live under
 * DATA_DIR/uploads/<supplierId>/; the database keeps a SupplierDocument row.
 * A file is checked (size, type by its first bytes, not by its name) before
 * anything is written, so a rejected upload stores nothing.
 */
export { ACCEPT_ATTRIBUTE, MAX_DOCUMENT_BYTES } from "@/lib/uploads";
export const ACCEPTED_TYPES = {
  "application/pdf": "pdf",
  "image/png": "png",
  "image/jpeg": "jpg",
} as const;

type Mime = keyof typeof ACCEPTED_TYPES;

export interface UploadLike {
  name: string;
  size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export function isUpload(value: unknown): value is UploadLike {
  return (
    typeof value === "object" &&
    value !== null &&
    "arrayBuffer" in value &&
    "size" in value &&
    typeof (value as UploadLike).size === "number" &&
    (value as UploadLike).size > 0
  );
}

function sniff(bytes: Uint8Array): Mime | null {
  const starts = (sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts([0x25, 0x50, 0x44, 0x46, 0x2d])) return "application/pdf"; // %PDF-
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (starts([0xff, 0xd8, 0xff])) return "image/jpeg";
  return null;
}

const EXT_OK: Record<Mime, RegExp> = {
  "application/pdf": /\.pdf$/i,
  "image/png": /\.png$/i,
  "image/jpeg": /\.jpe?g$/i,
};

export const MAX_FILENAME_LENGTH = 120;

/**
 * The name kept for a download: letters, digits, dot, dash, underscore and
 * space only (control characters such as NUL become "_"), at most 120
 * characters, shortened before the extension so the type still shows.
 */
export function safeFilename(name: string): string {
  const clean = Array.from(path.basename((name || "").replace(/\\/g, "/")).replace(/[^\p{L}\p{N}._ -]/gu, "_"));
  if (!clean.length || /^[._ ]*$/.test(clean.join(""))) return "document";
  if (clean.length <= MAX_FILENAME_LENGTH) return clean.join("");
  const dot = clean.lastIndexOf(".");
  const ext = dot > 0 && clean.length - dot <= 10 ? clean.slice(dot) : [];
  return clean.slice(0, MAX_FILENAME_LENGTH - ext.length).join("") + ext.join("");
}

export interface CheckedUpload {
  filename: string;
  mimeType: Mime;
  bytes: Buffer;
}

/** Checks an upload; returns an i18n error key or the checked file. */
export async function checkUpload(file: UploadLike): Promise<{ ok: true; file: CheckedUpload } | { ok: false; error: string }> {
  if (file.size > MAX_DOCUMENT_BYTES) return { ok: false, error: "profile:documents.tooLarge" };
  const bytes = Buffer.from(await file.arrayBuffer());
  if (bytes.length > MAX_DOCUMENT_BYTES) return { ok: false, error: "profile:documents.tooLarge" };
  const mime = sniff(bytes);
  const filename = safeFilename(file.name);
  if (!mime || !EXT_OK[mime].test(filename)) return { ok: false, error: "profile:documents.wrongType" };
  return { ok: true, file: { filename, mimeType: mime, bytes } };
}

export function uploadsDir(supplierId: string): string {
  return path.join(env.DATA_DIR, "uploads", supplierId);
}

/**
 * Writes a checked file and creates its row inside `tx`. If the transaction
 * later fails, call the returned `discard` to remove the file.
 */
export async function storeDocument(tx: Tx, supplierId: string, file: CheckedUpload) {
  const dir = uploadsDir(supplierId);
  await fs.mkdir(dir, { recursive: true });
  const stored = `${crypto.randomUUID()}.${ACCEPTED_TYPES[file.mimeType]}`;
  const full = path.join(dir, stored);
  await fs.writeFile(full, file.bytes, { flag: "wx" });
  const doc = await tx.supplierDocument.create({
    data: { supplierId, filename: file.filename, mimeType: file.mimeType, size: file.bytes.length, storagePath: `${supplierId}/${stored}` },
  });
  return { doc, discard: () => fs.rm(full, { force: true }) };
}

export function listDocuments(supplierId: string) {
  return db.supplierDocument.findMany({ where: { supplierId }, orderBy: { createdAt: "desc" } });
}

/** A document of the supplier with its bytes, or null (another company's id is "not found"). */
export async function readDocument(supplierId: string, id: string) {
  const doc = await db.supplierDocument.findFirst({ where: { id, supplierId } });
  if (!doc) return null;
  const full = path.join(env.DATA_DIR, "uploads", doc.storagePath);
  if (!full.startsWith(path.join(env.DATA_DIR, "uploads") + path.sep)) return null;
  try {
    return { doc, bytes: await fs.readFile(full) };
  } catch {
    return null;
  }
}

/** Some of the company's documents by id (names and sizes), for answers that point at them. */
export function documentsByIds(supplierId: string, ids: string[]) {
  return ids.length
    ? db.supplierDocument.findMany({ where: { id: { in: ids }, supplierId }, select: { id: true, filename: true, size: true } })
    : Promise.resolve([]);
}

/** The id of the company's document `id`, or null when it is not the company's. */
export async function ownedDocumentId(supplierId: string, id: string): Promise<string | null> {
  const doc = await db.supplierDocument.findFirst({ where: { id, supplierId }, select: { id: true } });
  return doc?.id ?? null;
}
