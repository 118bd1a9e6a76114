// Regenerates ini-golden.json: random .npmrc texts decoded by the real `ini` bundled with npm.
// Usage: node make-ini-golden.js /usr/lib/node_modules/npm > ini-golden.json
const npmDir = process.argv[2] || '/usr/lib/node_modules/npm';
const ini = require(npmDir + '/node_modules/ini');
const iniVersion = require(npmDir + '/node_modules/ini/package.json').version;
const npmVersion = require(npmDir + '/package.json').version;
let seed = 12345;
function rnd(n) { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed % n; }
const chars = ['a','b','k','=','=','#',';','\\','\\','"','"',"'","'",' ',' ','\t','[',']','$','{','}','?','u','0','1','t','r','e','f','l','s','n','\u00a0','\ufeff','\u0085','\u200b',':','/','_','x','.',',','-','\u2028'];
const lines = ['k=v','k = "a b"','[s]','  [s]','[s]  ','\ufeff[t]','a=1','a=2','# c','; c','b="x" # c',"c='y'",'k[]=z','x','=y','d=e;f','[ q ]','[s] ;c','\\[s]','e\\=f=g','[]=1','h=\\\\;i','"j"=k','[__proto__]','__proto__=1','l=null','m=true','n="\\u0041"',"o='1'",'p=\\#q'];
const seps = ['\n','\r\n','\r','\n\n','\r\r\n'];
function describe(r) {
  const top = {}, objects = [];
  for (const k of Object.keys(r)) {
    const v = r[k];
    if (v !== null && typeof v === 'object') objects.push(k);
    else top[k] = { kind: v === null ? 'null' : typeof v, value: v === null ? null : String(v) };
  }
  return { top, objects };
}
const cases = [];
for (let i = 0; i < 3000; i++) {
  let s = ''; const len = 1 + rnd(14);
  for (let j = 0; j < len; j++) s += chars[rnd(chars.length)];
  if (rnd(2) === 0) s = 'k=' + s;
  cases.push({ text: s, ...describe(ini.decode(s)) });
}
for (let i = 0; i < 1500; i++) {
  let s = ''; const n = 1 + rnd(6);
  for (let j = 0; j < n; j++) s += lines[rnd(lines.length)] + seps[rnd(seps.length)];
  cases.push({ text: s, ...describe(ini.decode(s)) });
}
process.stdout.write(JSON.stringify({ npm: npmVersion, ini: iniVersion, cases }));
