import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

export type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

/**
 * Where pdfjs is. The package does not depend on `pdfjs-dist` (37 MB installed, plus a 31 MB optional native
 * canvas cvmatch never uses): the build copies the three parts text extraction needs, pdfjs's legacy build
 * (`pdf.min.mjs` as `pdf.mjs`), its worker module (`pdf.worker.mjs`, which pdfjs imports from next to itself)
 * and the packed CMaps, with pdfjs's Apache-2.0 LICENSE, to `dist/vendor/pdfjs/` (see tsup.config.ts). Each
 * bundle is told where `dist/vendor/` is relative to itself (`__VENDOR_FOLDER__`); in the source tree (tests,
 * `tsx`) the files come from the `pdfjs-dist` development dependency.
 */
declare const __VENDOR_FOLDER__: string | undefined;

export interface PdfjsFiles {
  /** The module to import (a file URL). */
  module: string;
  /** The packed CMaps folder, a path ending with `/` (pdfjs reads it with `fs` on Node). */
  cMaps: string;
  /**
   * Whether pdfjs loads `@napi-rs/canvas` (it then takes `DOMMatrix` from it). The vendored copy never does:
   * the build points its `require('@napi-rs/canvas')` at an empty module (cvmatch never renders).
   */
  canvas: boolean;
}

/** Whether `name` resolves from `from` (a file URL) the way `require` would. */
function canBeResolved(from: string, name: string): boolean {
  try {
    createRequire(from).resolve(name);
    return true;
  } catch {
    return false; // Not installed.
  }
}

let files: PdfjsFiles | undefined;
export function pdfjsFiles(): PdfjsFiles {
  if (files === undefined) {
    if (typeof __VENDOR_FOLDER__ === 'string') {
      const folder = new URL(`${__VENDOR_FOLDER__}pdfjs/`, import.meta.url);
      files = {
        module: new URL('pdf.mjs', folder).href,
        cMaps: fileURLToPath(new URL('cmaps/', folder)),
        canvas: false,
      };
    } else {
      const require = createRequire(import.meta.url);
      const module = pathToFileURL(require.resolve('pdfjs-dist/legacy/build/pdf.mjs')).href;
      files = {
        module,
        cMaps: fileURLToPath(new URL('cmaps/', pathToFileURL(require.resolve('pdfjs-dist/package.json')))),
        canvas: canBeResolved(module, '@napi-rs/canvas'),
      };
    }
  }
  return files;
}

/**
 * The legacy pdfjs build (needed on Node 20) bundles core-js, which replaces `Array.prototype.push`
 * with a spec-edge-case polyfill several times slower than V8's; it made PDF extraction ~45% slower
 * and would slow every other array-heavy part of the process. The native one is put back after pdfjs
 * (and its worker module) load. Only a native function captured before pdfjs loaded is restored.
 */
const nativePush = Array.prototype.push;
const isNativePush = Function.prototype.toString.call(nativePush).includes('[native code]');
export function restoreNativePush(): void {
  if (isNativePush && Array.prototype.push !== nativePush) {
    Object.defineProperty(Array.prototype, 'push', { value: nativePush, writable: true, configurable: true });
  }
}

/**
 * pdfjs builds a `DOMMatrix` when it loads, for canvas rendering, which cvmatch never does; on Node it takes
 * the class from its optional dependency `@napi-rs/canvas` (a 30 MB native binary). Without it (always, for
 * the vendored copy), placeholder classes let pdfjs load; they are removed once pdfjs has loaded.
 */
function placeholderDomMatrix(): (() => void) | null {
  const scope = globalThis as Record<string, unknown>;
  if (scope.DOMMatrix !== undefined || pdfjsFiles().canvas) return null;
  // ImageData and Path2D too, or pdfjs warns that it cannot polyfill them.
  const names = ['DOMMatrix', 'ImageData', 'Path2D'].filter((name) => scope[name] === undefined);
  for (const name of names) scope[name] = class CanvasPlaceholder {};
  return () => {
    for (const name of names) delete scope[name];
  };
}

let pdfjsModule: Promise<PdfJs> | undefined;
/** pdfjs is loaded on first use (it is large), once per process. */
export function loadPdfJs(): Promise<PdfJs> {
  if (pdfjsModule === undefined) {
    const removePlaceholder = placeholderDomMatrix();
    pdfjsModule = (import(pdfjsFiles().module) as Promise<PdfJs>).then(
      (module) => {
        removePlaceholder?.();
        restoreNativePush();
        return module;
      },
      (error: unknown) => {
        removePlaceholder?.();
        throw error;
      },
    );
  }
  return pdfjsModule;
}
