import { redirect } from "next/navigation";

export default async function SetupIndex({ params }: { params: Promise<{ lng: string }> }) {
  redirect(`/${(await params).lng}/setup/customers`);
}
