/** @type {import('next').NextConfig} */
const nextConfig = {
  // deck.gl + StrictMode double-mount attaches two contexts to one canvas in dev (see STACK-NOTES).
  reactStrictMode: false,
  // Server-only packages that must not be bundled (native/wasm files, node built-ins).
  serverExternalPackages: ['@electric-sql/pglite', 'postgres', 'pino', 'socket.io'],
  poweredByHeader: false,
};

export default nextConfig;
