import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'vite';

/**
 * `npm run build:electron`: bundles the Electron shell into dist/electron/ (package.json "main"
 * is dist/electron/main.js) with Vite, which the renderer build uses already:
 *
 * - main.js (ES module, Node target): electron/main/main.ts and what it imports. 'electron',
 *   Node's built-ins and the package's runtime dependencies (zod, node-hid, serialport, …) stay
 *   imports: electron-builder packs node_modules, and native modules cannot be bundled.
 * - preload.cjs (CommonJS, one file): a sandboxed preload cannot load ES modules nor require
 *   anything but 'electron' and a few built-ins, so zod and shared/ are bundled into it.
 */
const root = path.resolve(import.meta.dirname, '..');
export const ELECTRON_OUT_DIR = path.join(root, 'dist', 'electron');

const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];
const runtimeDependencies = Object.keys(
  (
    JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
      dependencies?: Record<string, string>;
    }
  ).dependencies ?? {},
);

function isExternal(id: string, external: readonly string[]): boolean {
  return external.some((name) => id === name || id.startsWith(`${name}/`));
}

export async function buildElectron(): Promise<void> {
  const common = {
    configFile: false,
    root,
    logLevel: 'warn',
    build: {
      outDir: ELECTRON_OUT_DIR,
      emptyOutDir: false,
      target: 'node22',
      minify: false,
      sourcemap: true,
      reportCompressedSize: false,
      copyPublicDir: false,
    },
  } as const;
  const mainExternal = ['electron', ...nodeBuiltins, ...runtimeDependencies];
  await build({
    ...common,
    build: {
      ...common.build,
      emptyOutDir: true,
      ssr: path.join(root, 'electron/main/main.ts'),
      rolldownOptions: {
        external: (id) => isExternal(id, mainExternal),
        output: { format: 'es', entryFileNames: 'main.js' },
      },
    },
    ssr: { noExternal: true },
  });
  await build({
    ...common,
    build: {
      ...common.build,
      ssr: path.join(root, 'electron/preload/preload.ts'),
      rolldownOptions: {
        external: (id) => id === 'electron',
        output: { format: 'cjs', entryFileNames: 'preload.cjs' },
      },
    },
    ssr: { noExternal: true, target: 'webworker' },
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await buildElectron();
  console.log(
    `Electron shell built: ${path.relative(root, ELECTRON_OUT_DIR)}/main.js, preload.cjs`,
  );
}
