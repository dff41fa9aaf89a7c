/** A GraphQL document built to make the server work far more than its size suggests. */
export interface HostileDocument {
  shape: string;
  query: string;
}

/** `unit` repeated until the document is about `bytes` long, between `head` and `tail`. */
function fill(bytes: number, head: string, unit: (i: number) => string, tail: string): string {
  const parts = [head];
  let size = head.length + tail.length;
  for (let i = 0; size < bytes; i++) {
    const piece = unit(i);
    parts.push(piece);
    size += piece.length;
  }
  parts.push(tail);
  return parts.join('');
}

/**
 * The shapes of issue 10, each about `bytes` long: one field repeated (quadratic in
 * OverlappingFieldsCanBeMerged), many aliases, deep nesting, one fragment spread many times, many
 * operations, many directives on one field. Shared by the test and the `hostile` benchmark.
 */
export function hostileDocuments(bytes: number): HostileDocument[] {
  const depth = Math.floor(bytes / 13); // `merchant { ` and ` }`
  return [
    { shape: 'repeated field', query: fill(bytes, '{ me { ', () => 'kind ', '} }') },
    { shape: 'many aliases', query: fill(bytes, '{ me { ', (i) => `a${i}: kind `, '} }') },
    { shape: 'deep nesting', query: `{ me { ${'merchant { '.repeat(depth)}id${' }'.repeat(depth)} } }` },
    { shape: 'fragment spreads', query: fill(bytes, '{ me { ', () => '...F ', '} } fragment F on Viewer { kind id }') },
    { shape: 'many operations', query: fill(bytes, '', (i) => `query q${i} { me { kind } } `, '') },
    { shape: 'many directives', query: fill(bytes, '{ me { kind ', () => '@include(if: true) ', '} }') },
  ];
}
