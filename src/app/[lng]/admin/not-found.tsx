"use client";
import { NotFoundView } from "@/components/error-pages";

export default function AdminNotFound() {
  return <NotFoundView area="admin" />;
}
