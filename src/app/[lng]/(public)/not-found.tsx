"use client";
import { NotFoundView } from "@/components/error-pages";

export default function PublicNotFound() {
  return <NotFoundView area="public" />;
}
