const Database = require('better-sqlite3');
const fs = require('fs'); const path = require('path'); const os = require('os');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ro-'));
const file = path.join(dir, 'a.db');
let db = new Database(file); db.pragma('journal_mode=WAL'); db.exec('CREATE TABLE t(x)'); db.close();
const snap = () => Object.fromEntries(fs.readdirSync(dir).map((f) => [f, fs.statSync(path.join(dir, f)).size]));
console.log('before', snap());
db = new Database(file, { readonly: true, fileMustExist: true });
console.log('open', snap(), db.pragma('journal_mode', { simple: true }));
db.prepare('SELECT * FROM sqlite_master').all();
console.log('read', snap());
db.close();
console.log('closed', snap());
// foreign DELETE-mode db with a hot journal
const f2 = path.join(dir, 'b.db');
