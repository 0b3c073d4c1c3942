/**
 * Writes a large text file in pieces of about 64 KiB, so that a report of several MB is never one string in memory
 * (the synth of a stack with a thousand ECIs writes about 7 MB of reports beside cdk.tf.json: bench/).
 * @internal
 */
import * as fs from 'fs';

const CHUNK = 65_536;

/**
 * Opens `file` for writing (created or truncated), lets `write` append text through the given function, and closes
 * the file, also when `write` throws.
 * @internal
 */
export function writeChunked(file: string, write: (append: (text: string) => void) => void): void {
  const fd = fs.openSync(file, 'w');
  try {
    const text = chunkedSink((piece) => fs.writeSync(fd, piece));
    write(text.append);
    text.end();
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Feeds text to `sink` in pieces of about 64 KiB: the appender for text that is only hashed (never held whole).
 * Call the returned `end` once, after the last `append`.
 * @internal
 */
export function chunkedSink(sink: (piece: string) => void): { append: (text: string) => void; end: () => void } {
  let pending = '';
  return {
    append: (text) => {
      pending += text;
      if (pending.length >= CHUNK) {
        sink(pending);
        pending = '';
      }
    },
    end: () => {
      if (pending.length > 0) sink(pending);
      pending = '';
    },
  };
}
