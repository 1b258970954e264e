import { documentForUser } from "@/features/onboarding/documents";
import { supplierRoute } from "@/server/guards";

/**
 * Downloads one of the signed-in supplier's documents (another company's id is
 * a 404; so is a document the user may not read, see documentForUser).
 */
export async function GET(_request: Request, { params }: { params: Promise<{ lng: string; id: string }> }) {
  const { id } = await params;
  const user = await supplierRoute(null);
  if (user instanceof Response) return user;
  if (id.length > 40) return new Response("Not found", { status: 404 });
  const file = await documentForUser(user, id);
  if (!file) return new Response("Not found", { status: 404 });
  return new Response(new Uint8Array(file.bytes), {
    headers: {
      "Content-Type": file.doc.mimeType,
      "Content-Length": String(file.bytes.length),
      "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(file.doc.filename)}`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
