import { connection } from "next/server";

// Rendered per request, like every page of the app.
export default async function Page() {
  await connection();
  return <h1>Bare page {new Date().toISOString()}</h1>;
}
