// @swc/jest plus one rewrite: NestJS 12 (and jose 6, cockatiel 4) ship ESM only; jest runs CommonJS, where
// `import.meta` is a syntax error. In node_modules we swap it for its CommonJS equivalent before swc runs.
const { createTransformer } = require('@swc/jest');

function rewriteImportMeta(source, filename) {
  if (!filename.includes('/node_modules/') || !source.includes('import.meta')) return source;
  return (
    source
      // CommonJS already has `require`; redeclaring it would shadow it (TDZ).
      .replace(/const require\s*=\s*createRequire\(import\.meta\.url\);?/g, '')
      .replace(/import\.meta\.url/g, "('file://' + __filename)")
      .replace(/import\.meta\.resolve\(/g, 'require.resolve(')
      .replace(/import\.meta\.dirname/g, '__dirname')
      .replace(/import\.meta\.filename/g, '__filename')
  );
}

module.exports = {
  createTransformer(options) {
    const swc = createTransformer(options);
    return {
      ...swc,
      process: (source, filename, config) => swc.process(rewriteImportMeta(source, filename), filename, config),
      getCacheKey: (source, filename, config) => swc.getCacheKey(rewriteImportMeta(source, filename), filename, config),
    };
  },
};
