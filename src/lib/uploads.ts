/**
 * The document upload rules both sides know: the size limit and the accepted
 * types (the server also checks a file's first bytes, features/profile/documents.ts).
 */
export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;
export const ACCEPT_ATTRIBUTE = ".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg";

/**
 * In the browser, when a file is chosen: a file too big to send is taken out
 * of the input at once and its message key returned (null when it may go).
 */
export function refuseOversizedFile(input: HTMLInputElement): string | null {
  const file = input.files?.[0];
  if (!file || file.size <= MAX_DOCUMENT_BYTES) return null;
  input.value = "";
  return "profile:documents.tooLarge";
}
