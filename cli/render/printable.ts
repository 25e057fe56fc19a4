/**
 * Text that came from the user's files (keys, paths, values) shown on a terminal: control characters
 * (an ESC sequence can recolour, clear or retitle the terminal) and bidirectional overrides (which
 * reorder what is read) are shown as `\u001b`-style escapes instead of being sent as they are.
 */
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const UNSAFE_OR_NEWLINE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** `keepNewlines`: for multi-line text (a diagnostic's detail); otherwise a newline is escaped too. */
export function printable(text: string, keepNewlines = false): string {
  return text.replace(keepNewlines ? UNSAFE : UNSAFE_OR_NEWLINE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
