const Database = require('better-sqlite3');
const fs = require('fs'); const path = require('path'); const os = require('os');
const { execFileSync } = require('child_process');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ro-'));
const file = path.join(dir, 'a.db');
// Make a WAL db and leave it with -wal and -shm as a killed process would: child process exits without close.
execFileSync(process.execPath, ['-e', `
const D=require(${JSON.stringify(require.resolve('better-sqlite3'))}); const db=new D(${JSON.stringify(file)});
db.pragma('journal_mode=WAL'); db.exec('CREATE TABLE t(x)'); const i=db.prepare('INSERT INTO t VALUES (?)');
db.transaction(()=>{for(let k=0;k<2000;k++) i.run('x'.repeat(100)+k)})(); process.exit(0);`]);
const snap = () => Object.fromEntries(fs.readdirSync(dir).map((f) => [f, require('crypto').createHash('md5').update(fs.readFileSync(path.join(dir, f))).digest('hex').slice(0, 8) + ':' + fs.statSync(path.join(dir, f)).size]));
console.log('before', snap());
function tryOpen(label, name, opts) {
  try {
    const db = new Database(name, opts);
    console.log(label, 'rows', db.prepare('SELECT count(*) c FROM t').get().c, 'appid', db.pragma('application_id', { simple: true }), 'qc', db.pragma('quick_check', { simple: true }));
    db.close();
  } catch (e) { console.log(label, 'ERR', e.code, e.message); }
  console.log(' after', snap());
}
tryOpen('readonly', file, { readonly: true, fileMustExist: true });
tryOpen('uri ro readonly_shm', `file:${file}?mode=ro&readonly_shm=1`, { readonly: true, fileMustExist: true });
fs.rmSync(file + '-shm');
console.log('-- without shm');
tryOpen('uri ro readonly_shm', `file:${file}?mode=ro&readonly_shm=1`, { readonly: true, fileMustExist: true });
tryOpen('readonly', file, { readonly: true, fileMustExist: true });
