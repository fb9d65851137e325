import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { createProviderSim, type ProviderSimOptions } from "./app.ts";

export interface StartOptions extends ProviderSimOptions {
  port: number;
  host?: string;
}

/** Listens on `host:port` (port 0 picks a free port) and resolves once ready. */
export function startProviderSim(options: StartOptions) {
  const { app, settings, stats } = createProviderSim(options);
  const host = options.host ?? "127.0.0.1";
  return new Promise<{
    url: string;
    close: () => Promise<void>;
    settings: typeof settings;
    stats: typeof stats;
  }>((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: options.port, hostname: host }, (info: AddressInfo) => {
      const url = `http://${host.includes(":") ? `[${host}]` : host}:${info.port}`;
      const close = () =>
        new Promise<void>((done) => {
          if ("closeAllConnections" in server) server.closeAllConnections();
          server.close(() => done());
        });
      resolve({ url, close, settings, stats });
    });
    server.once("error", reject);
  });
}
