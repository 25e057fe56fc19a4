/** Paths into a config document: segments, and their dotted form `orders.x.items[0].aoi`. */
export type PathSeg = string | number;

export function formatPath(path: readonly PathSeg[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out ? `.${seg}` : seg;
  }
  return out;
}

/** The inverse of formatPath. Unambiguous because user keys may not contain `.` or `[` (schema). */
export function parsePath(text: string): PathSeg[] {
  const segs: PathSeg[] = [];
  for (const part of text.match(/[^.[\]]+|\[\d+\]/g) ?? []) {
    segs.push(part.startsWith('[') ? Number(part.slice(1, -1)) : part);
  }
  return segs;
}
