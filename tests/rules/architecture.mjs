// DESIGN.md's layering rules as a test, so that they hold by check instead of by care:
//   1. Emscripten (`__EMSCRIPTEN__`, `emscripten/...` headers) only in src/platform/: the rest of
//      src/ is plain C++ that the native unit tests compile.
//   2. SQL only in server/store/: domain and HTTP code never build statements.
//   3. cpp-httplib only in server/http/: outgoing calls go through its one HTTP client.
//   4. No source file of ours over 800 lines: past that a file has more than one job.
//   5. Each layer includes only itself and the layers below it (kLayers): the server's CMake
//      libraries link the same way, but include paths are shared, so the includes are read here.
// Rules 1 and 3 read code with comments blanked out (a comment uses nothing); rule 2 reads string
// literals only, adjacent ones joined, so that prose like "select a reply" passes and a statement
// split over several literals does not.
//
// Usage: node architecture.mjs [repository root]. Prints each offence as path:line and exits 1.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, extname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '../..'));
const kMaxLines = 800;

// Our source folders; anything under them named node_modules, build* or .* is someone else's or
// generated.
const kSourceDirs = ['src', 'server', 'tests', 'scripts', 'shell', 'tools', 'cmake', 'web'];
const kSourceExtensions = new Set(['.c', '.cc', '.cpp', '.h', '.hpp', '.js', '.mjs', '.cjs', '.sh',
  '.py', '.cmake', '.html', '.css', '.sql']);
const kCodeExtensions = new Set(['.c', '.cc', '.cpp', '.h', '.hpp', '.js', '.mjs', '.cjs']);

const kSqlPatterns = [
  /\bSELECT\b[\s\S]*?\bFROM\b/, // uppercase only: "select" is common in interface text
  /\bINSERT\s+(OR\s+\w+\s+)?INTO\b/i,
  /\bUPDATE\s+\w+\s+SET\b/i,
  /\bDELETE\s+FROM\b/i,
  /\b(CREATE|DROP|ALTER)\s+(TEMP\s+|TEMPORARY\s+|UNIQUE\s+)?(TABLE|INDEX|VIEW|TRIGGER)\b/i,
];

// Per folder (the longest matching prefix wins), the folders and files its #includes may name.
const kLayers = [
  ['src/protocol/', ['protocol/']],
  ['src/i18n/', ['i18n/']],
  ['src/client/', ['client/', 'protocol/', 'i18n/']],
  ['src/ui/', ['ui/', 'client/', 'protocol/', 'platform/', 'i18n/']],
  ['src/platform/', ['platform/', 'ui/', 'client/', 'protocol/', 'i18n/']],
  ['server/http/', ['server/http/', 'server/hashing.h', 'protocol/']],
  ['server/store/', ['server/store/', 'protocol/']],
  ['server/domain/', ['server/domain/', 'server/store/', 'server/hashing.h', 'protocol/']],
  ['server/oauth/', ['server/oauth/', 'server/http/', 'server/hashing.h', 'protocol/']],
  ['server/mail/', ['server/mail/', 'server/http/', 'protocol/']],
  ['server/export/', ['server/export/', 'server/domain/', 'server/store/', 'protocol/']],
  ['server/api/', ['server/api/', 'server/http/', 'server/domain/', 'server/store/', 'server/export/',
                   'server/oauth/',
                   'server/mail/', 'server/hashing.h', 'server/version.h', 'protocol/', 'i18n/']],
  ['server/', ['server/', 'protocol/', 'i18n/']],
];

function* walk(dir) {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return; // a folder the checkout does not have (tools/, say)
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name === 'node_modules' || entry.name.startsWith('build') ||
          entry.name.startsWith('.'))
        continue;
      yield* walk(path);
    } else if (entry.isFile()) { // symbolic links (a linked node_modules) are not ours
      yield path;
    }
  }
}

const isSource = (path) =>
  kSourceExtensions.has(extname(path)) || path.endsWith('CMakeLists.txt');

// Splits C, C++ or JavaScript into `code` (comments blanked, literals kept, offsets and line
// breaks unchanged) and its string literals ({start, end, text}, adjacent ones joined).
function scan(text, javascript) {
  const code = text.split('');
  const literals = [];
  const blank = (from, to) => {
    for (let k = from; k < to; ++k) if (code[k] !== '\n') code[k] = ' ';
  };
  const addLiteral = (start, end, body) => {
    const last = literals[literals.length - 1];
    if (last && /^\s*$/.test(code.slice(last.end, start).join(''))) {
      last.end = end;
      last.text += body;
    } else {
      literals.push({ start, end, text: body });
    }
  };
  // The identifier or number just before i, to tell a C++ digit separator (1'000) and a literal's
  // prefix (u8"", LR"()") from an opening quote.
  const wordBefore = (i) => {
    let k = i;
    while (k > 0 && /[\w.]/.test(text[k - 1])) --k;
    return text.slice(k, i);
  };
  // Whether a '/' at i starts a JavaScript regular expression rather than a division.
  const regexAllowed = (i) => {
    let k = i - 1;
    while (k >= 0 && /\s/.test(code[k])) --k;
    if (k < 0) return true;
    if (/[(,=:[!&|?{};+\-*%<>~^]/.test(code[k])) return true;
    const before = code.slice(Math.max(0, k - 8), k + 1).join('');
    return /\b(return|typeof|case|do|else|in|of|void|yield|await)$/.test(before);
  };
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    const next = text[i + 1];
    if (c === '/' && next === '/') {
      const end = text.indexOf('\n', i);
      const stop = end < 0 ? text.length : end;
      blank(i, stop);
      i = stop;
    } else if (c === '/' && next === '*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end < 0 ? text.length : end + 2;
      blank(i, stop);
      i = stop;
    } else if (javascript && c === '/' && regexAllowed(i)) {
      let k = i + 1;
      let inClass = false;
      while (k < text.length && text[k] !== '\n') {
        if (text[k] === '\\') k += 2;
        else if (text[k] === '[') inClass = true, ++k;
        else if (text[k] === ']') inClass = false, ++k;
        else if (text[k] === '/' && !inClass) break;
        else ++k;
      }
      i = k + 1;
    } else if (!javascript && c === '"' && /^(u8|u|U|L)?R$/.test(wordBefore(i))) {
      const open = text.indexOf('(', i);
      const delimiter = ')' + text.slice(i + 1, open) + '"';
      const close = text.indexOf(delimiter, open);
      const stop = close < 0 ? text.length : close + delimiter.length;
      addLiteral(i, stop, text.slice(open + 1, close < 0 ? text.length : close));
      i = stop;
    } else if (c === '"' || (c === "'" && (javascript || !/^\d/.test(wordBefore(i)))) ||
               (javascript && c === '`')) {
      let k = i + 1;
      while (k < text.length && text[k] !== c && (c === '`' || text[k] !== '\n'))
        k += text[k] === '\\' ? 2 : 1;
      addLiteral(i, k + 1, text.slice(i + 1, k));
      i = k + 1;
    } else {
      ++i;
    }
  }
  return { code: code.join(''), literals };
}

const lineAt = (text, offset) => text.slice(0, offset).split('\n').length;

const offences = [];
const report = (path, line, rule, detail) =>
  offences.push(`${relative(root, path)}:${line}: ${rule}${detail ? `: ${detail}` : ''}`);
const under = (path, folder) => relative(root, path).startsWith(folder + '/');

function checkCode(path, text) {
  const { code, literals } = scan(text, /\.[cm]?js$/.test(path));
  const forbid = (pattern, rule) => {
    for (const match of code.matchAll(pattern))
      report(path, lineAt(code, match.index), rule, match[0]);
  };
  if (!under(path, 'src/platform'))
    forbid(/__EMSCRIPTEN__|\bemscripten\//g, 'Emscripten outside src/platform/');
  if (!under(path, 'server/http')) forbid(/httplib/g, 'cpp-httplib outside server/http/');
  const name = relative(root, path);
  const layer = kLayers.find(([folder]) => name.startsWith(folder));
  if (layer) {
    for (const match of code.matchAll(/#\s*include\s*"([^"]+)"/g)) {
      const included = match[1];
      const own = included === name.split('/').pop() ||
                  included.startsWith(dirname(name).replace(/^src\//, '') + '/');
      if (!own && !layer[1].some((allowed) => included.startsWith(allowed)))
        report(path, lineAt(code, match.index), `${layer[0]} includes a layer above it`, included);
    }
  }
  if (!under(path, 'server/store')) {
    for (const literal of literals) {
      const pattern = kSqlPatterns.find((p) => p.test(literal.text));
      if (!pattern) continue;
      const match = literal.text.match(pattern);
      const keyword = text.indexOf(match[0].split(/\s/)[0], literal.start);
      report(path, lineAt(text, keyword < 0 ? literal.start : keyword), 'SQL outside server/store/',
             match[0].replace(/\s+/g, ' ').slice(0, 60));
    }
  }
}

let files = 0;
for (const dir of kSourceDirs) {
  for (const path of walk(join(root, dir))) {
    if (!isSource(path)) continue;
    ++files;
    const text = readFileSync(path, 'utf8');
    const lines = text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
    if (lines > kMaxLines) report(path, lines, `${lines} lines, more than ${kMaxLines}`);
    if ((dir === 'src' || dir === 'server') && kCodeExtensions.has(extname(path)))
      checkCode(path, text);
  }
}

if (files === 0) {
  console.error(`architecture: no source files under ${root}`);
  process.exit(1);
}
if (offences.length > 0) {
  console.error(`architecture: ${offences.length} offence(s) against DESIGN.md's rules:`);
  for (const offence of offences) console.error('  ' + offence);
  process.exit(1);
}
console.log(`architecture: ${files} source files keep DESIGN.md's rules`);
