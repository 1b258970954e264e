/** A customer's name in the reader's language: the Chinese name on zh pages when there is one. */
export function customerName(customer: { name: string; nameZh?: string | null }, lng: string): string {
  return lng === "zh" && customer.nameZh ? customer.nameZh : customer.name;
}
