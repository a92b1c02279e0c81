// Bundles each web component in src/ with the npm libraries it imports into one ES module in
// src/main/resources/META-INF/resources/frontend-bundles/, served by the app at /frontend-bundles/<name>.js.
// The output is committed; FrontendBundleTests rebuilds it from the lock file and fails when it differs.
// Usage: npm ci && npm run build   [outdir]
import { build } from 'esbuild';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const outdir = process.argv[2] || '../../src/main/resources/META-INF/resources/frontend-bundles';
const entryPoints = readdirSync('src')
  .filter((f) => f.endsWith('.js'))
  .map((f) => join('src', f));

await build({
  entryPoints,
  outdir,
  bundle: true,
  format: 'esm',
  target: 'es2020',
  minify: true,
  // licence texts of the bundled libraries stay in the file
  legalComments: 'eof',
  // the icon fonts of bpmn-js and dmn-js, referenced by the CSS each module loads next to itself
  loader: { '.woff2': 'file' },
  assetNames: '[name]-[hash]',
  logLevel: 'info'
});
