// ESLint rule: a feature under src/features/<name>/ may import shared code (src/components, src/lib, src/gql...)
// but not another feature, so features stay independent; the app shell (src/app) is what puts them together.
import path from 'node:path';

const FEATURES = `${path.sep}src${path.sep}features${path.sep}`;

/** The feature a file lies in ("mail" for .../src/features/mail/reader.ts), or undefined outside src/features. */
function featureOf(file) {
  const at = file.lastIndexOf(FEATURES);
  if (at < 0) return undefined;
  const rest = file.slice(at + FEATURES.length);
  const end = rest.indexOf(path.sep);
  return end < 0 ? undefined : rest.slice(0, end);
}

/** @type {import('eslint').Rule.RuleModule} */
export const noCrossFeatureImports = {
  meta: {
    type: 'problem',
    docs: { description: 'forbid imports from one feature folder (src/features/*) into another' },
    schema: [],
    messages: {
      crossFeature:
        "Feature '{{from}}' imports from feature '{{to}}': move what both need to src/components or src/lib.",
    },
  },
  create(context) {
    const file = context.physicalFilename ?? context.filename;
    const from = featureOf(file);
    if (from === undefined) return {};
    function check(node) {
      const source = node.source;
      if (!source || typeof source.value !== 'string' || !source.value.startsWith('.')) return;
      const to = featureOf(path.resolve(path.dirname(file), source.value) + path.sep);
      if (to !== undefined && to !== from) {
        context.report({ node: source, messageId: 'crossFeature', data: { from, to } });
      }
    }
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    };
  },
};
