// Which CPU a native binary (a `.node` addon) was built for, read from its header: the file name
// only says what a package promises, the header says what the loader will meet.

export type BinaryFormat = 'elf' | 'mach-o' | 'pe';

export interface NativeBinary {
  format: BinaryFormat;
  /** Node's names (process.arch): one for a thin binary, several for a universal Mach-O. */
  arches: string[];
}

/** ELF e_machine values (System V gABI). */
const ELF_MACHINES: Record<number, string> = {
  0x03: 'ia32',
  0x28: 'arm',
  0x3e: 'x64',
  0xb7: 'arm64',
  0xf3: 'riscv64',
};

/** Mach-O cputype values (<mach/machine.h>: CPU_TYPE_X86_64, CPU_TYPE_ARM64). */
const MACH_O_CPUS: Record<number, string> = {
  0x01000007: 'x64',
  0x0100000c: 'arm64',
};

/** PE/COFF Machine values (Microsoft PE format). */
const PE_MACHINES: Record<number, string> = {
  0x014c: 'ia32',
  0x8664: 'x64',
  0xaa64: 'arm64',
};

/** How much of the file the header needs (PE's e_lfanew rarely points past this). */
export const NATIVE_HEADER_BYTES = 4096;

const known = (table: Record<number, string>, value: number) =>
  table[value] ?? `unknown(0x${value.toString(16)})`;

/**
 * Reads the target CPU from the first bytes of an ELF, Mach-O (thin or universal) or PE file.
 * Returns null for anything else, so a truncated or foreign file is never taken for a binding.
 */
export function readNativeBinary(header: Uint8Array): NativeBinary | null {
  const view = new DataView(header.buffer, header.byteOffset, header.byteLength);
  if (header.byteLength < 20) return null;
  // ELF: 0x7f 'E' 'L' 'F'; byte 5 is the byte order (1 = little-endian); e_machine at 18–19.
  if (view.getUint32(0, false) === 0x7f454c46) {
    const littleEndian = header[5] === 1;
    return { format: 'elf', arches: [known(ELF_MACHINES, view.getUint16(18, littleEndian))] };
  }
  // Thin 64-bit Mach-O, as stored on little-endian Macs: MH_MAGIC_64 0xfeedfacf; cputype at 4.
  if (view.getUint32(0, true) === 0xfeedfacf) {
    return { format: 'mach-o', arches: [known(MACH_O_CPUS, view.getUint32(4, true))] };
  }
  // Universal Mach-O: FAT_MAGIC 0xcafebabe (big-endian), nfat_arch, then 20-byte fat_arch records.
  if (view.getUint32(0, false) === 0xcafebabe) {
    const count = view.getUint32(4, false);
    if (count === 0 || count > 8 || 8 + count * 20 > header.byteLength) return null;
    const arches = Array.from({ length: count }, (_, i) =>
      known(MACH_O_CPUS, view.getUint32(8 + i * 20, false)),
    );
    return { format: 'mach-o', arches };
  }
  // PE: 'MZ', e_lfanew at 0x3c points at 'PE\0\0', then the COFF Machine field.
  if (header[0] === 0x4d && header[1] === 0x5a && header.byteLength >= 0x40) {
    const pe = view.getUint32(0x3c, true);
    if (pe + 6 > header.byteLength || view.getUint32(pe, false) !== 0x50450000) return null;
    return { format: 'pe', arches: [known(PE_MACHINES, view.getUint16(pe + 4, true))] };
  }
  return null;
}
