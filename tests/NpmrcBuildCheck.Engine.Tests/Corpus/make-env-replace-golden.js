// Regenerates env-replace-golden.json: values run through npm's env-replace with every plain variable name set
// to U+0001. Usage: node make-env-replace-golden.js <npm dir> > env-replace-golden.json
const envReplace = require((process.argv[2] || '/usr/lib/node_modules/npm') + '/node_modules/@npmcli/config/lib/env-replace.js');
const env = new Proxy({}, { get: (t, k) => (typeof k === 'string' && /^[A-Za-z_][A-Za-z0-9_]*$/.test(k)) ? '\u0001' : undefined });
let seed = 7; function rnd(n) { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed % n; }
const parts = ['$', '{', '}', '?', '\\', 'A', 'B', ':', '-', ' ', '%', '${A}', '${B?}', '${A:-x}', '$A', '(', ')', 'x'];
const out = []; const seen = new Set();
for (let i = 0; i < 20000; i++) {
  let v = ''; const n = 1 + rnd(6); for (let j = 0; j < n; j++) v += parts[rnd(parts.length)];
  if (seen.has(v)) continue; seen.add(v);
  const r = envReplace(v, env);
  out.push({ v, r });
}
process.stdout.write(JSON.stringify({ npm: require((process.argv[2] || '/usr/lib/node_modules/npm') + '/package.json').version, cases: out }));

