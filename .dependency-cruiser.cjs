/**
 * The layers of docs/architecture.md, as data; `pnpm test` runs them (test/architecture.test.ts).
 * Paths are matched against files as seen from the repository root.
 */
const core = '^packages/checker-core/src/';
const layer = (name) => `${core}${name}/`;
const notTests = '\\.test\\.ts$';

/** A layer may import only the layers listed here (and node:, npm packages). */
const allowed = {
  facts: ['facts'],
  probe: ['facts', 'probe'],
  analyze: ['facts', 'probe', 'analyze'],
  subtitles: ['facts', 'probe', 'subtitles'],
  messages: ['facts', 'messages'],
  rules: ['facts', 'subtitles', 'rules'],
  profiles: ['facts', 'rules', 'profiles'],
  report: ['facts', 'messages', 'report'],
};

const layerRules = Object.entries(allowed).map(([name, may]) => ({
  name: `${name}-imports-only-${may.join('-')}`,
  comment: `${name}/ may import ${may.join(', ')} (docs/architecture.md)`,
  severity: 'error',
  from: { path: layer(name), pathNot: notTests },
  to: { path: core, pathNot: `${core}(${may.join('|')})/|^packages/checker-core/package\\.json$` },
}));

module.exports = {
  forbidden: [
    ...layerRules,
    {
      name: 'facts-import-no-package',
      comment: 'facts/ is the ground floor and runs in a browser: no node: module, no npm package',
      severity: 'error',
      from: { path: layer('facts'), pathNot: notTests },
      to: { dependencyTypesNot: ['local', 'type-only'] },
    },
    {
      name: 'messages-browser-safe',
      comment: 'messages/ runs in the app\'s renderer too: no node: module (npm packages that run in a browser, such as intl-messageformat, are fine)',
      severity: 'error',
      from: { path: layer('messages'), pathNot: notTests },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'core-never-imports-the-front-ends',
      comment: 'checker-core knows no terminal and no window',
      severity: 'error',
      from: { path: '^packages/checker-core/' },
      to: { path: '^packages/(cli|desktop)/' },
    },
    {
      name: 'renderer-imports-only-the-browser-safe-facts',
      comment: 'the renderer runs in a sandboxed window: from the core, only @courseware-check/checker-core/facts and /messages',
      severity: 'error',
      from: { path: '^packages/desktop/src/renderer/' },
      to: { path: core, pathNot: `${layer('facts')}|${layer('messages')}` },
    },
    {
      name: 'no-circular',
      comment: 'a cycle between modules is a layer in the wrong place',
      severity: 'error',
      from: { path: core, pathNot: notTests },
      to: { circular: true, viaOnly: { pathNot: notTests } },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|node_modules)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { conditionNames: ['@courseware-check/source', 'import', 'types', 'default'], exportsFields: ['exports'] },
  },
};
