import type { NextConfig } from "next";

interface WebpackConfig {
  resolve: { extensionAlias?: Record<string, string[]> };
  module: { parser?: { javascript?: Record<string, unknown> } };
}

const config: NextConfig = {
  // Workspace packages are consumed from source (`exports` point at ./src/index.ts).
  transpilePackages: ["@switchyard/db", "@switchyard/ledger", "@switchyard/config", "@switchyard/routing"],
  serverExternalPackages: ["postgres", "ioredis"],
  poweredByHeader: false,
  reactStrictMode: true,
  webpack(webpackConfig: WebpackConfig, { isServer }: { isServer: boolean }) {
    // Workspace sources import siblings with explicit `.ts` extensions; also accept `.js` specifiers.
    webpackConfig.resolve.extensionAlias = {
      ...webpackConfig.resolve.extensionAlias,
      ".js": [".ts", ".tsx", ".js"],
    };
    if (isServer) {
      // @switchyard/db resolves its migrations folder with `new URL("../drizzle", import.meta.url)`;
      // leave such URLs to Node at runtime instead of bundling them as assets.
      webpackConfig.module.parser = {
        ...webpackConfig.module.parser,
        javascript: { ...webpackConfig.module.parser?.javascript, url: false },
      };
    }
    return webpackConfig;
  },
};

export default config;
