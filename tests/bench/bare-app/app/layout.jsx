// The bare page of `npm run bench:pages`: the same Next.js, nothing else.
export default function RootLayout({ children }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
