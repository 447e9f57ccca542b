// A package may import only its own files, the workspace packages it is allowed to use, and npm
// packages. Path aliases and relative paths that climb out of the package are how the layers
// leaked into each other before, so both are checked here, not only package names.
import path from 'node:path';

/** Bare specifiers that are our own code rather than npm packages. */
const OWN_CODE = /^@(madoguchi|contract|media|ui)(\/|$)/;

/** @type {import('eslint').Rule.RuleModule} */
const importBoundariesRule = {
  meta: {
    type: 'problem',
    docs: { description: 'keeps each package to its own files, the workspace packages it may use and npm packages' },
    schema: [
      {
        type: 'object',
        properties: {
          root: { type: 'string' },
          allow: { type: 'array', items: { type: 'string' } },
        },
        required: ['root', 'allow'],
        additionalProperties: false,
      },
    ],
    messages: {
      outside: "'{{source}}' reaches outside {{root}}: import it through a workspace package ({{allowed}}).",
      notAllowed: "'{{source}}' is not one of the packages this code may use ({{allowed}}).",
    },
  },
  create(context) {
    const [{ root, allow }] = context.options;
    const packageRoot = path.resolve(context.cwd, root);
    const allowed = allow.join(', ') || 'none';
    const allowedSpecifier = (source) => allow.some((name) => source === name || source.startsWith(`${name}/`));

    function check(node) {
      if (!node || node.type !== 'Literal' || typeof node.value !== 'string') return;
      const source = node.value;
      if (source.startsWith('.')) {
        const target = path.resolve(path.dirname(context.filename), source);
        const relative = path.relative(packageRoot, target);
        if (relative.startsWith('..') || path.isAbsolute(relative)) context.report({ node, messageId: 'outside', data: { source, root, allowed } });
        return;
      }
      if (path.isAbsolute(source)) {
        context.report({ node, messageId: 'outside', data: { source, root, allowed } });
        return;
      }
      if (OWN_CODE.test(source) && !allowedSpecifier(source)) context.report({ node, messageId: 'notAllowed', data: { source, allowed } });
    }

    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
    };
  },
};

const plugin = { rules: { 'import-boundaries': importBoundariesRule } };

/** One config object per package root: `{ root, allow }`, root relative to the repository. */
export function importBoundaries(boundaries) {
  return boundaries.map((boundary) => ({
    files: [`${boundary.root}/**/*.{ts,tsx}`],
    plugins: { madoguchi: plugin },
    rules: { 'madoguchi/import-boundaries': ['error', boundary] },
  }));
}
