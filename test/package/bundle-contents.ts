// What a built bundle already contains (its source map), and the installed folders a set of
// packages needs at run time: the two halves of "app.asar carries the production modules the
// app loads, and nothing the bundle contains".
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** `pkg` or `@scope/pkg` from a bare specifier such as `@scope/pkg/sub/path`. */
export function packageNameOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}

/** Packages whose code a bundle inlined, from its source map's `sources`. */
export function bundledPackages(mapFile: string): string[] {
  const { sources } = JSON.parse(readFileSync(mapFile, 'utf8')) as { sources: string[] };
  const names = sources.flatMap((source) => {
    const at = source.lastIndexOf('node_modules/');
    return at < 0 ? [] : [packageNameOf(source.slice(at + 'node_modules/'.length))];
  });
  return [...new Set(names)].sort();
}

interface Manifest {
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

/** Where require() looks for `name` from the package folder `from`: nearest node_modules first. */
function lookupPaths(from: string, name: string): string[] {
  const paths: string[] = [];
  for (let dir = from; ;) {
    paths.push(dir ? `${dir}/node_modules/${name}` : `node_modules/${name}`);
    if (!dir) return paths;
    const at = dir.lastIndexOf('node_modules/');
    dir = at <= 0 ? '' : dir.slice(0, at - 1);
  }
}

/**
 * The installed folders (`node_modules/a`, `node_modules/a/node_modules/b`) that `roots` need at
 * run time, resolved as Node resolves them. Optional dependencies count only when installed (the
 * keyring bindings for other CPUs are not).
 */
export function productionClosure(projectDir: string, roots: readonly string[]): string[] {
  const found = new Set<string>();
  const visit = (name: string, from: string, optional: boolean) => {
    const folder = lookupPaths(from, name).find((path) =>
      existsSync(join(projectDir, path, 'package.json')),
    );
    if (!folder) {
      if (optional) return;
      throw new Error(`${name} is needed by ${from || 'the main bundle'} but is not installed`);
    }
    if (found.has(folder)) return;
    found.add(folder);
    const manifest = JSON.parse(
      readFileSync(join(projectDir, folder, 'package.json'), 'utf8'),
    ) as Manifest;
    for (const dep of Object.keys(manifest.dependencies ?? {})) visit(dep, folder, false);
    for (const dep of Object.keys(manifest.optionalDependencies ?? {})) visit(dep, folder, true);
  };
  for (const root of roots) visit(root, '', false);
  return [...found].sort();
}
