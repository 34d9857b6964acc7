// Makes the fonts bundled in src/main/resources/fonts/ from Google's Noto Serif SC
// (static TrueType instances as packaged in @expo-google-fonts/noto-serif-sc 0.4.3, SIL OFL 1.1).
//
//   npm install && node subset.js <dir with NotoSerifSC_400Regular.ttf and NotoSerifSC_700Bold.ttf>
//
// Regular (body text): printable ASCII, Latin-1, all of GB 2312 (6763 hanzi + 682 symbols),
// full-width forms, CJK punctuation and some name characters outside GB 2312.
// Bold (titles and headings): the same without GB 2312 level-2 hanzi, to keep the jar small;
// the renderer falls back to Regular for a bold character it lacks.
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

(async () => {
  const dir = process.argv[2] || '.';
  const out = process.argv[3] || '.';
  for (const f of fonts) {
    const data = await subsetFont(fs.readFileSync(path.join(dir, f.src)), f.text, { targetFormat: 'truetype' });
    fs.writeFileSync(path.join(out, f.dst), data);
    console.log(f.dst, [...new Set(f.text)].length, 'characters,', data.length, 'bytes');
  }
})();
