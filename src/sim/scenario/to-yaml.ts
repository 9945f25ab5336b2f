/**
 * Rendering resolved values as readable YAML: lists of plain values and small mappings of plain
 * values below the top level are written inline (`speed: [0.8, 1.4]`,
 * `origin: {group: experts, index: 0}`), everything else in block style. Knows nothing about the
 * scenario.
 */
import { Document, isPair, isScalar, visit } from 'yaml';

const MAX_FLOW_MAP_KEYS = 4;

export function toYaml(value: unknown): string {
  const doc = new Document(value);
  visit(doc, {
    Seq(_, node) {
      if (node.items.length > 0 && node.items.every((i) => isScalar(i))) node.flow = true;
    },
    Map(_, node, path) {
      const leaf = node.items.every((p) => isPair(p) && isScalar(p.value));
      if (path.length > 1 && leaf && node.items.length > 0 && node.items.length <= MAX_FLOW_MAP_KEYS) node.flow = true;
    },
  });
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}
