// Makes the fonts bundled in src/main/resources/fonts/ from Google's Noto Serif SC
// (static TrueType instances as packaged in @expo-google-fonts/noto-serif-sc 0.4.3, SIL OFL 1.1).
//
//   npm install && node subset.js <dir with NotoSerifSC_400Regular.ttf and NotoSerifSC_700Bold.ttf>
//
// Regular (body text): printable ASCII, Latin-1, all of GB 2312 (6763 hanzi + 682 symbols),
// full-width forms, CJK punctuation and some name characters outside GB 2312.
// Bold (titles and headings): the same without GB 2312 level-2 hanzi, to keep the jar small;
// the renderer falls back to Regular for a bold character it lacks.
// The OpenType layout tables are dropped: PDFBox applies GSUB ligatures (fi, ffi) to Latin text,
// and the ligature glyphs then read back wrongly ("office" became "oce"). Chinese needs none.
const fs = require('fs');
const path = require('path');
const subsetFont = require('subset-font');

// WHATWG 'gbk' decodes every EUC-CN (GB 2312) code the same way GB 2312 does.
function gb2312(lastRow) {
  const dec = new TextDecoder('gbk');
  let s = '';
  for (let hi = 0xa1; hi <= lastRow; hi++) {
    for (let lo = 0xa1; lo <= 0xfe; lo++) {
      const ch = dec.decode(new Uint8Array([hi, lo]));
      if (ch.length === 1 && ch !== '\ufffd') s += ch;
    }
  }
  return s;
}

function range(from, to) {
  let s = '';
  for (let c = from; c <= to; c++) s += String.fromCodePoint(c);
  return s;
}

const common = range(0x20, 0x7e) + range(0xa0, 0xff) + range(0x3000, 0x303f) + range(0xff01, 0xff5e)
  + '〔〕【】《》〈〉「」『』“”‘’—―…·・※□■○●△▲☆★√×÷±≤≥≠≈℃№§'
  + '\u2002\u2003\u2009\u2010\u2011\u2012\u2013\u2014\u2015\u2018\u2019\u201c\u201d\u2026\u2030\u2032\u2033\u203b\ufe30\ufe31';
// Characters often met in personal names that GB 2312 lacks (seen in registrations elsewhere).
const names = '喆堃昇玥珺璟燊赟祎琇彧垚淏翀旻犇骉羴皞頔瑄珅镕宬曌晞暐橦沄洺湉炘烜焜燚竑芃';

const fonts = [
  { src: 'NotoSerifSC_400Regular.ttf', dst: 'NotoSerifSC-Regular-GB2312.ttf', text: common + gb2312(0xf7) + names },
  { src: 'NotoSerifSC_700Bold.ttf', dst: 'NotoSerifSC-Bold-GB2312L1.ttf', text: common + gb2312(0xd7) },
];

// Rewrites an sfnt without the given tables (table records sorted, 4-byte aligned, checksums and
// head.checkSumAdjustment recomputed).
function dropTables(font, drop) {
  const numTables = font.readUInt16BE(4);
  const tables = [];
  for (let i = 0; i < numTables; i++) {
    const rec = 12 + 16 * i;
    const tag = font.toString('latin1', rec, rec + 4);
    if (!drop.includes(tag)) {
      const offset = font.readUInt32BE(rec + 8);
      const length = font.readUInt32BE(rec + 12);
      tables.push({ tag, data: Buffer.from(font.subarray(offset, offset + length)) });
    }
  }
  tables.sort((a, b) => (a.tag < b.tag ? -1 : 1));
  const checksum = (buf) => {
    const padded = Buffer.concat([buf, Buffer.alloc((4 - (buf.length % 4)) % 4)]);
    let sum = 0;
    for (let i = 0; i < padded.length; i += 4) sum = (sum + padded.readUInt32BE(i)) >>> 0;
    return sum;
  };
  const head = tables.find((t) => t.tag === 'head');
  head.data.writeUInt32BE(0, 8);
  const n = tables.length;
  const entrySelector = Math.floor(Math.log2(n));
  const header = Buffer.alloc(12 + 16 * n);
  header.writeUInt32BE(font.readUInt32BE(0), 0);
  header.writeUInt16BE(n, 4);
  header.writeUInt16BE(16 * 2 ** entrySelector, 6);
  header.writeUInt16BE(entrySelector, 8);
  header.writeUInt16BE(16 * n - 16 * 2 ** entrySelector, 10);
  let offset = header.length;
  const parts = [header];
  tables.forEach((t, i) => {
    const rec = 12 + 16 * i;
    header.write(t.tag, rec, 'latin1');
    header.writeUInt32BE(checksum(t.data), rec + 4);
    header.writeUInt32BE(offset, rec + 8);
    header.writeUInt32BE(t.data.length, rec + 12);
    const padding = Buffer.alloc((4 - (t.data.length % 4)) % 4);
    parts.push(t.data, padding);
    offset += t.data.length + padding.length;
  });
  const out = Buffer.concat(parts);
  const headOffset = out.readUInt32BE(12 + 16 * tables.indexOf(head) + 8);
  out.writeUInt32BE((0xb1b0afba - checksum(out)) >>> 0, headOffset + 8);
  return out;
}

(async () => {
  const dir = process.argv[2] || '.';
  const out = process.argv[3] || '.';
  for (const f of fonts) {
    const subset = await subsetFont(fs.readFileSync(path.join(dir, f.src)), f.text,
      { targetFormat: 'truetype', noLayoutClosure: true });
    const data = dropTables(subset, ['GSUB', 'GPOS', 'GDEF', 'BASE', 'STAT']);
    fs.writeFileSync(path.join(out, f.dst), data);
    console.log(f.dst, [...new Set(f.text)].length, 'characters,', data.length, 'bytes');
  }
})();
