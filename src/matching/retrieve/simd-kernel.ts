/**
 * A WebAssembly SIMD (f32x4) kernel for the vector index's full scan: for each of `count` rows of
 * `dimensions` floats at `dataOffset`, writes its dot product with the query at `queryOffset` into
 * `scoresOffset`. About 3–4× faster than the scalar JavaScript loop, which the index keeps as the
 * fallback (dimensions not a multiple of 8, pools over the 4 GB WebAssembly memory limit).
 *
 * The module is assembled here from its bytes (no file, no download). Text form:
 *
 *   (module
 *     (import "env" "memory" (memory 1))
 *     (func (export "scores") (param $data i32) (param $query i32) (param $out i32) (param $count i32) (param $dim i32)
 *       (local $row i32) (local $p i32) (local $q i32) (local $end i32) (local $a v128) (local $b v128)
 *       (block $done (loop $rows
 *         (br_if $done (i32.ge_u (local.get $row) (local.get $count)))
 *         (local.set $a (v128.const 0)) (local.set $b (v128.const 0))
 *         (local.set $p (local.get $data)) (local.set $q (local.get $query))
 *         (local.set $end (i32.add (local.get $data) (i32.mul (local.get $dim) (i32.const 4))))
 *         (loop $cols
 *           (local.set $a (f32x4.add (local.get $a) (f32x4.mul (v128.load (local.get $p)) (v128.load (local.get $q)))))
 *           (local.set $b (f32x4.add (local.get $b) (f32x4.mul (v128.load offset=16 (local.get $p)) (v128.load offset=16 (local.get $q)))))
 *           (local.set $p (i32.add (local.get $p) (i32.const 32))) (local.set $q (i32.add (local.get $q) (i32.const 32)))
 *           (br_if $cols (i32.lt_u (local.get $p) (local.get $end))))
 *         (local.set $a (f32x4.add (local.get $a) (local.get $b)))
 *         (f32.store (local.get $out) (f32.add (f32.add (f32x4.extract_lane 0 (local.get $a)) (f32x4.extract_lane 1 (local.get $a)))
 *                                              (f32.add (f32x4.extract_lane 2 (local.get $a)) (f32x4.extract_lane 3 (local.get $a)))))
 *         (local.set $out (i32.add (local.get $out) (i32.const 4)))
 *         (local.set $data (local.get $end))
 *         (local.set $row (i32.add (local.get $row) (i32.const 1)))
 *         (br $rows))))
 */

/** Rows must have a multiple of this many floats for the SIMD kernel (two f32x4 lanes per step). */
export const SIMD_DIMENSION_MULTIPLE = 8;

/** Largest WebAssembly (32-bit) memory, in 64 KiB pages. */
export const WASM_MAX_PAGES = 65_536;

const DATA = 0;
const QUERY = 1;
const OUT = 2;
const COUNT = 3;
const DIM = 4;
const ROW = 5;
const P = 6;
const Q = 7;
const END = 8;
const A = 9;
const B = 10;

// Opcodes used below (WebAssembly core + SIMD proposals).
const BLOCK = 0x02;
const LOOP = 0x03;
const VOID = 0x40;
const BR = 0x0c;
const BR_IF = 0x0d;
const END_ = 0x0b;
const I32_TYPE = 0x7f;
const V128_TYPE = 0x7b;
const I32_LT_U = 0x49;
const I32_GE_U = 0x4f;
const I32_ADD = 0x6a;
const I32_MUL = 0x6c;
const F32_ADD = 0x92;
const F32_STORE = [0x38, 0x02, 0x00]; // align 4, offset 0

const get = (index: number) => [0x20, index];
const set = (index: number) => [0x21, index];
const i32 = (value: number) => [0x41, value]; // small non-negative values < 64 only
const simd = (opcode: number) =>
  opcode < 0x80 ? [0xfd, opcode] : [0xfd, (opcode & 0x7f) | 0x80, opcode >> 7];
const V128_LOAD = (offset: number) => [...simd(0x00), 0x04, offset];
const V128_ZERO = [...simd(0x0c), ...new Array<number>(16).fill(0)];
const F32X4_ADD = simd(0xe4);
const F32X4_MUL = simd(0xe6);
const lane = (index: number) => [...simd(0x1f), index];

const body = [
  [0x02, 0x04, I32_TYPE, 0x02, V128_TYPE], // locals: 4 × i32 (row, p, q, end), 2 × v128 (a, b)
  [BLOCK, VOID, LOOP, VOID], // block $done, loop $rows
  [...get(ROW), ...get(COUNT), I32_GE_U, BR_IF, 1], // br_if $done (row >= count)
  [...V128_ZERO, ...set(A), ...V128_ZERO, ...set(B)],
  [...get(DATA), ...set(P), ...get(QUERY), ...set(Q)],
  [...get(DATA), ...get(DIM), ...i32(4), I32_MUL, I32_ADD, ...set(END)],
  [LOOP, VOID], // loop $cols
  [...get(A), ...get(P), ...V128_LOAD(0), ...get(Q), ...V128_LOAD(0), ...F32X4_MUL, ...F32X4_ADD, ...set(A)],
  [
    ...get(B),
    ...get(P),
    ...V128_LOAD(16),
    ...get(Q),
    ...V128_LOAD(16),
    ...F32X4_MUL,
    ...F32X4_ADD,
    ...set(B),
  ],
  [...get(P), ...i32(32), I32_ADD, ...set(P), ...get(Q), ...i32(32), I32_ADD, ...set(Q)],
  [...get(P), ...get(END), I32_LT_U, BR_IF, 0, END_], // br_if $cols (p < end), end $cols
  [...get(A), ...get(B), ...F32X4_ADD, ...set(A), ...get(OUT)],
  [
    ...get(A),
    ...lane(0),
    ...get(A),
    ...lane(1),
    F32_ADD,
    ...get(A),
    ...lane(2),
    ...get(A),
    ...lane(3),
    F32_ADD,
  ],
  [F32_ADD, ...F32_STORE],
  [...get(OUT), ...i32(4), I32_ADD, ...set(OUT), ...get(END), ...set(DATA)],
  [...get(ROW), ...i32(1), I32_ADD, ...set(ROW), BR, 0], // br $rows
  [END_, END_, END_], // end loop, end block, end function
].flat();

function leb128(value: number): number[] {
  const bytes: number[] = [];
  let rest = value;
  do {
    let byte = rest & 0x7f;
    rest >>>= 7;
    if (rest !== 0) byte |= 0x80;
    bytes.push(byte);
  } while (rest !== 0);
  return bytes;
}

function section(id: number, content: number[]): number[] {
  return [id, ...leb128(content.length), ...content];
}

const name = (text: string) => [text.length, ...Array.from(text, (character) => character.charCodeAt(0))];

/**
 * The module's bytes. `shared`: it imports a shared memory (limits flag 3, maximum 4 GB), the only kind
 * several threads can scan at once; the function body is the same, so both give bit-identical scores.
 */
function moduleBytes(shared: boolean): Uint8Array<ArrayBuffer> {
  // env.memory: min 1 page, no maximum; or shared, min 1 page, maximum WASM_MAX_PAGES.
  const limits = shared ? [0x03, 0x01, ...leb128(WASM_MAX_PAGES)] : [0x00, 0x01];
  return new Uint8Array([
    0x00,
    0x61,
    0x73,
    0x6d,
    0x01,
    0x00,
    0x00,
    0x00,
    // type: (i32 i32 i32 i32 i32) -> ()
    ...section(1, [0x01, 0x60, 0x05, 0x7f, 0x7f, 0x7f, 0x7f, 0x7f, 0x00]),
    // import env.memory
    ...section(2, [0x01, ...name('env'), ...name('memory'), 0x02, ...limits]),
    // function 0 has type 0
    ...section(3, [0x01, 0x00]),
    // export "scores" = function 0
    ...section(7, [0x01, ...name('scores'), 0x00, 0x00]),
    // code
    ...section(10, [0x01, ...leb128(body.length), ...body]),
  ]);
}

/** The compiled kernel, or `null` where WebAssembly SIMD is not available. */
export interface SimdKernel {
  memory: WebAssembly.Memory;
  /** The compiled module (a worker thread instantiates it over the same shared memory). */
  module: WebAssembly.Module;
  /** Byte offsets: rows at `data`, query at `query`, scores to `out`. */
  scores(data: number, query: number, out: number, count: number, dimensions: number): void;
}

const compiled = new Map<boolean, WebAssembly.Module | null>();

function compile(shared: boolean): WebAssembly.Module | null {
  let module = compiled.get(shared);
  if (module === undefined) {
    const bytes = moduleBytes(shared);
    module = WebAssembly.validate(bytes) ? new WebAssembly.Module(bytes) : null;
    compiled.set(shared, module);
  }
  return module;
}

/**
 * Instantiates the kernel over a fresh memory of `pages` pages (one instance per index). `shared`: the
 * memory is a shared one (its buffer a `SharedArrayBuffer`) that worker threads can scan too.
 */
export function createSimdKernel(pages: number, options: { shared?: boolean } = {}): SimdKernel | null {
  const shared = options.shared === true;
  const module = compile(shared);
  if (!module) return null;
  const memory = new WebAssembly.Memory({ initial: pages, maximum: WASM_MAX_PAGES, shared });
  const instance = new WebAssembly.Instance(module, { env: { memory } });
  const scores = instance.exports.scores as SimdKernel['scores'];
  return { memory, module, scores };
}
