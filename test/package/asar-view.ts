// The packaged app.asar read with @electron/asar: its entries, and a folder laid out as Electron
// shows the archive to the app. Electron serves files marked `unpacked` from app.asar.unpacked/
// beside the archive (native modules must be real files to be loaded), so here each of them is a
// symlink into that folder: a binding that was never unpacked is simply not there.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import asar, { type FileMetadata } from '@electron/asar';

export interface AsarEntry {
  /** Relative, with forward slashes: `dist/main/index.cjs`. */
  path: string;
  kind: 'file' | 'directory' | 'link';
  unpacked: boolean;
}

function walk(node: FileMetadata, prefix: string, found: AsarEntry[]): void {
  if (!('files' in node)) return;
  for (const [name, child] of Object.entries(node.files)) {
    const path = prefix ? `${prefix}/${name}` : name;
    const kind = 'files' in child ? 'directory' : 'link' in child ? 'link' : 'file';
    found.push({ path, kind, unpacked: child.unpacked === true });
    walk(child, path, found);
  }
}

export function asarEntries(archive: string): AsarEntry[] {
  const found: AsarEntry[] = [];
  walk(asar.getRawHeader(archive).header, '', found);
  return found;
}

/** Extracts `archive` into `dest` the way Electron presents it; returns `dest`. */
export function extractAsElectronSeesIt(archive: string, dest: string): string {
  mkdirSync(dest, { recursive: true });
  for (const entry of asarEntries(archive)) {
    const target = join(dest, entry.path);
    if (entry.kind === 'directory') {
      mkdirSync(target, { recursive: true });
      continue;
    }
    mkdirSync(dirname(target), { recursive: true });
    if (entry.unpacked) symlinkSync(join(`${archive}.unpacked`, entry.path), target);
    else if (entry.kind === 'link') {
      const link = asar.statFile(archive, entry.path, false);
      if ('link' in link) symlinkSync(join(dest, link.link), target);
    } else writeFileSync(target, asar.extractFile(archive, entry.path));
  }
  return dest;
}
