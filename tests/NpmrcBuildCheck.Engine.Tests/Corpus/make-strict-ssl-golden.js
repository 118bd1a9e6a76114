// Regenerates strict-ssl-golden.json: random `strict-ssl=` lines and the strictSSL value npm's own
// config loader (@npmcli/config, definitions, nopt validation) derives from them.
// Usage: node make-strict-ssl-golden.js /usr/lib/node_modules/npm > strict-ssl-golden.json
const fs = require('fs');
const os = require('os');
const path = require('path');
const npmDir = process.argv[2] || '/usr/lib/node_modules/npm';
const Config = require(npmDir + '/node_modules/@npmcli/config');
const { definitions, flatten, shorthands } = require(npmDir + '/node_modules/@npmcli/config/lib/definitions');
const npmVersion = require(npmDir + '/package.json').version;
let seed = 4242;
function rnd(n) { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed % n; }
const parts = ['false', '0', 'null', 'undefined', 'FALSE', '"', "'", ' ', '#', ';', '1', '0x0', '0.0', '-0', 'e', 'Infinity', '00', '.', 'x', 'true', '\\', '', '\t', '0e5', '+0', '0b0', '\u00a0'];
(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'strict-ssl-'));
  fs.writeFileSync(path.join(dir, 'package.json'), '{}');
  fs.writeFileSync(path.join(dir, 'user'), '');
  fs.writeFileSync(path.join(dir, 'global'), '');
  const seen = new Set();
  const cases = [];
  for (let i = 0; i < 2500; i++) {
    let v = ''; const n = 1 + rnd(3);
    for (let j = 0; j < n; j++) v += parts[rnd(parts.length)];
    const line = rnd(20) === 0 ? 'strict-ssl' : 'strict-ssl=' + v;
    if (seen.has(line)) continue;
    seen.add(line);
    fs.writeFileSync(path.join(dir, '.npmrc'), line + '\n');
    const conf = new Config({
      npmPath: npmDir, definitions, flatten, shorthands, cwd: dir, platform: 'linux', execPath: process.execPath,
      argv: ['node', 'npm', '--userconfig=' + path.join(dir, 'user'), '--globalconfig=' + path.join(dir, 'global')],
      env: { HOME: dir },
    });
    await conf.load();
    conf.validate();
    cases.push({ line, strictSSL: conf.flat.strictSSL });
  }
  process.stdout.write(JSON.stringify({ npm: npmVersion, cases }));
})();
