/** Public API of the wire codecs: byte helpers, frame constants, message codecs, fragmentation. */
export * from './bytes.ts';
export * from './frame.ts';
export * from './messages/index.ts';
export * from './fragment.ts';
