// `tsx build.ts`: bundles the gateway for running (npm start, the benchmark) into dist/main.mjs.
// tsx compiles with esbuild's keepNames, which wraps every named closure in a defineProperty call
// at creation; on the hot path that cost about a tenth of the gateway's CPU per request. The
// bundle holds the workspace's own TypeScript; npm packages stay external, imported from where
// they are installed, so the process loads the very files the tests run against.
import { relative } from "node:path";
import { fileURLToPath } from "node:url";
import { build, type Plugin } from "esbuild";

const here = fileURLToPath(new URL(".", import.meta.url));
const outfile = `${here}dist/main.mjs`;

const npmPackagesExternal: Plugin = {
  name: "npm-packages-external",
  setup(bundle) {
    bundle.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (args.path.startsWith("@switchyard/") || args.pluginData === "resolving") return undefined;
      const resolved = await bundle.resolve(args.path, {
        kind: args.kind,
        resolveDir: args.resolveDir,
        pluginData: "resolving",
      });
      if (resolved.errors.length > 0 || resolved.external) return resolved;
      const path = relative(`${here}dist`, resolved.path);
      return { path: path.startsWith(".") ? path : `./${path}`, external: true };
    });
  },
};

await build({
  entryPoints: [`${here}src/main.ts`],
  outfile,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  sourcemap: true,
  logLevel: "warning",
  plugins: [npmPackagesExternal],
});
