/** Offset paging for the admin lists. Pages are 1-based. */
export interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  pageCount: number;
  pageSize: number;
}

export const PAGE_SIZE = 25;

export function pageArgs(page: number, pageSize = PAGE_SIZE) {
  const p = Math.max(1, Math.floor(page) || 1);
  return { skip: (p - 1) * pageSize, take: pageSize, page: p };
}

export function paged<T>(items: T[], total: number, page: number, pageSize = PAGE_SIZE): Paged<T> {
  return { items, total, page, pageSize, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}
