const { Parser, Language } = require('web-tree-sitter');
(async () => {
  await Parser.init();
  const lang = await Language.load('/work/wt/issue-15/node_modules/tree-sitter-python/tree-sitter-python.wasm');
  const p = new Parser(); p.setLanguage(lang);
  const src = require('fs').readFileSync(process.argv[2], 'utf8');
  console.log(p.parse(src).rootNode.toString());
})();
