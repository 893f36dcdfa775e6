/** @type {import('next').NextConfig} */
const nextConfig = {
  // deck.gl + StrictMode double-mount attaches two contexts to one canvas in dev (see STACK-NOTES).
  reactStrictMode: false,
  // Server-only packages that must not be bundled (native/wasm files, node built-ins).
  serverExternalPackages: ['@electric-sql/pglite', 'postgres', 'pino', 'socket.io'],
  poweredByHeader: false,
  // A second build beside the main one (e.g. a preview on another port while `.next` is being served).
  distDir: process.env.NEXT_DIST_DIR || '.next',
};

export default nextConfig;
