/*
 * Text squeezed with the browser's own deflate (CompressionStream, no library) and written as
 * base64, so it can sit in a storage item as a plain string. Deflate's checksum makes damage
 * detectable; what decompressed before the damage is still returned.
 */

const FORMAT = 'deflate';

async function collect(stream: ReadableStream<Uint8Array>): Promise<{ bytes: Uint8Array; complete: boolean }> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let complete = true;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
    }
  } catch {
    complete = false;
  }
  const bytes = new Uint8Array(chunks.reduce((total, chunk) => total + chunk.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return { bytes, complete };
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  // In slices: String.fromCharCode(...bytes) overflows the call stack on large inputs.
  for (let start = 0; start < bytes.length; start += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(start, start + 0x8000));
  }
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array | null {
  try {
    return Uint8Array.from(atob(text), (char) => char.charCodeAt(0));
  } catch {
    return null;
  }
}

export async function deflateToBase64(text: string): Promise<string> {
  const input = new Blob([text]).stream().pipeThrough(new CompressionStream(FORMAT));
  return toBase64((await collect(input)).bytes);
}

/** The text, `complete: false` if the data was damaged (then `text` is what came out before the damage). */
export async function inflateFromBase64(data: string): Promise<{ text: string; complete: boolean }> {
  const bytes = fromBase64(data);
  if (bytes === null) return { text: '', complete: false };
  // Through a Blob, not a writer: in a Firefox content script, a stream's writer refuses the script's
  // own typed arrays ("Value could not be converted to any of: ArrayBufferView, ArrayBuffer").
  const input = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream(FORMAT));
  const { bytes: out, complete } = await collect(input);
  return { text: new TextDecoder().decode(out), complete };
}
