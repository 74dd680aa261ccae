/**
 * Builds the server into one ES module that plain `node` runs: server/src (with the generated Prisma
 * client) and the workspace's own packages (@tiltmeter/shared) bundled by esbuild, every npm package
 * left as an import from node_modules. `npm start` builds and then runs server/dist/main.mjs.
 *
 * Why not run the TypeScript through tsx, as `npm run dev` does: on Node 20, tsx's loader runs in a
 * thread of its own, with its own JavaScript heap, that reads and transforms every module the server
 * loads. That costs about 70 MB of resident memory for as long as the server runs (measured: an idle
 * server after its first import used 330 MB through tsx and 245 to 265 MB as this bundle).
 *
 *   npx tsx server/build.ts   builds server/dist/main.mjs (a second or so)
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';

const SERVER_DIR = path.dirname(fileURLToPath(import.meta.url));

/**
 * The bundle sits two folders below the repository root, as server/src/config.ts does: REPO_ROOT,
 * computed from the module's own location, is the same in both.
 */
export const SERVER_BUNDLE = path.join(SERVER_DIR, 'dist', 'main.mjs');

/** npm packages stay imports (resolved from node_modules at run time); the workspace's are bundled. */
const externalPackages: Plugin = {
  name: 'external-packages',
  setup(builder) {
    builder.onResolve({ filter: /^[^./]/ }, (args) =>
      args.path.startsWith('@tiltmeter/') ? undefined : { path: args.path, external: true },
    );
  },
};

/** Bundles `entry` (default: the server's main) into `outfile`; returns the outfile. */
export async function buildServer(
  options: { entry?: string; outfile?: string; sourcemap?: boolean } = {},
): Promise<string> {
  const outfile = options.outfile ?? SERVER_BUNDLE;
  await build({
    entryPoints: [options.entry ?? path.join(SERVER_DIR, 'src', 'main.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20.19',
    // Function and class names as in the source (esbuild renames clashing top-level names otherwise).
    keepNames: true,
    // Stack traces point into the bundle; NODE_OPTIONS=--enable-source-maps maps them to the sources.
    sourcemap: options.sourcemap === false ? false : 'linked',
    sourcesContent: false,
    plugins: [externalPackages],
    logLevel: 'warning',
  });
  return outfile;
}

/**
 * The node flags `npm start` runs the bundle with (package.json's "start": `... && node <flags>
 * server/dist/main.mjs`): whatever else starts the built server (the benchmarks, the start test) reads
 * them from here, so it cannot drift from what users run.
 */
export function startNodeFlags(): string[] {
  const { scripts } = JSON.parse(readFileSync(path.join(SERVER_DIR, '..', 'package.json'), 'utf8')) as {
    scripts: { start: string };
  };
  const command = scripts.start
    .split('&&')
    .map((part) => part.trim().split(/\s+/))
    .find((words) => words[0] === 'node' && words.at(-1) === 'server/dist/main.mjs');
  if (!command)
    throw new Error(`package.json "start" does not run node server/dist/main.mjs: ${scripts.start}`);
  return command.slice(1, -1);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  await buildServer();
}
