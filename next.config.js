// Next.js configuration for Gatewatch.
/** @type {import('next').NextConfig} */
const nextConfig = {
  // A separate build directory lets tests and benchmarks build side by side without clobbering each other.
  distDir: process.env.GATEWATCH_DIST_DIR || '.next',
  reactStrictMode: true,
  // client-node and the emulator are server-only Node code: keep them out of the bundler.
  serverExternalPackages: ['@kubernetes/client-node', 'prom-client', 'ajv', 'ajv-formats'],
  poweredByHeader: false,
  compress: true,
};
export default nextConfig;
