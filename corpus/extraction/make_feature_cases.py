#!/usr/bin/env python3
"""Adds to cases/ the third round: four cases of two extractor behaviours on texts of sources/.

Run it after make_cases.py (which empties cases/), with the same Python (pymupdf, fonttools):

- flag-bold-{a4,a5}-pdftotext: the statute with each article label (`第一条`) set in bold
  Noto Sans CJK SC inside a Noto Serif CJK SC paragraph and followed by an ideographic space,
  as statutes are printed (the source has an ASCII space there; the measures ignore
  whitespace). pdftotext reads the bold label as a text block of its own, and the rest of the
  label's printed line as another.
- yao-fallback-a5-pymupdf, speech-fallback-a5-pymupdf: two traditional texts set in a font that
  lacks some ideographs (Noto Serif CJK TC with every 97th ideograph the two texts use, 14 of
  1318, taken out of its cmap and renamed `ZhTest Serif`, installed in ~/.fonts), so that
  LibreOffice draws those from a fallback font. PyMuPDF reads each fallback glyph as a line of
  its own, mostly after the line it belongs to, leaving that line cut where the glyph stood.

truth.txt is the source byte for byte, as in the other rounds.
"""
import html
import json
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import make_cases as mc  # noqa: E402

LABEL = re.compile(r'^(第[一二三四五六七八九十百]+条) ')
FONT = 'ZhTest Serif'


def paragraphs(text):
    return [p for p in text.split('\n\n') if p.strip()]


def body(p, bold_labels):
    m = LABEL.match(p) if bold_labels else None
    if not m:
        return html.escape(p, quote=False)
    return (f'<text:span text:style-name="Label">{html.escape(m.group(1), quote=False)}</text:span>\u3000'
            + html.escape(p[m.end():], quote=False))


def fodt(paras, paper, size, font, sans, bold_labels):
    pw, ph = mc.PAPER[paper]
    lang = 'TW' if 'TC' in font or font == FONT else 'CN'
    text = '\n'.join(f'<text:p text:style-name="{"Title" if i == 0 else "Body"}">{body(p, bold_labels and i > 0)}</text:p>'
                     for i, p in enumerate(paras))
    return mc.ODF_ROOT + f'''<office:font-face-decls>
 <style:font-face style:name="F1" svg:font-family="&apos;{font}&apos;"/>
 <style:font-face style:name="F2" svg:font-family="&apos;{sans}&apos;"/>
</office:font-face-decls>
<office:styles>
 <style:default-style style:family="paragraph">
  <style:text-properties style:font-name="F1" style:font-name-asian="F1" fo:font-size="{size}pt"
   style:font-size-asian="{size}pt" fo:language="zh" fo:country="{lang}" style:language-asian="zh"
   style:country-asian="{lang}"/>
 </style:default-style>
 <style:style style:name="Body" style:family="paragraph">
  <style:paragraph-properties fo:text-align="justify" fo:text-indent="{2 * size:g}pt" fo:line-height="145%"
   fo:margin-bottom="0.12cm"/>
 </style:style>
 <style:style style:name="Title" style:family="paragraph">
  <style:paragraph-properties fo:text-align="center" fo:margin-bottom="0.5cm"/>
  <style:text-properties style:font-name="F2" style:font-name-asian="F2" fo:font-size="{size + 6:g}pt"
   style:font-size-asian="{size + 6:g}pt" fo:font-weight="bold" style:font-weight-asian="bold"/>
 </style:style>
 <style:style style:name="Label" style:family="text">
  <style:text-properties style:font-name="F2" style:font-name-asian="F2" fo:font-weight="bold"
   style:font-weight-asian="bold"/>
 </style:style>
</office:styles>
<office:automatic-styles>
 <style:page-layout style:name="PL"><style:page-layout-properties fo:page-width="{pw}" fo:page-height="{ph}"
  fo:margin-top="1.5cm" fo:margin-bottom="1.5cm" fo:margin-left="2cm" fo:margin-right="2cm"/></style:page-layout>
</office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="PL"/></office:master-styles>
<office:body><office:text>
{text}
</office:text></office:body></office:document>'''


def install_font():
    """Noto Serif CJK TC without every 97th ideograph the two traditional texts use."""
    from fontTools.ttLib import TTCollection
    used = set()
    for key in ('yao', 'speech'):
        used |= {c for c in open(os.path.join(mc.SOURCES, mc.DOCS[key]['file']), encoding='utf-8').read()
                 if '\u4e00' <= c <= '\u9fff'}
    drop = {ord(c) for i, c in enumerate(sorted(used)) if i % 97 == 5}
    path = mc.run(['fc-match', '-f', '%{file}', 'Noto Serif CJK TC']).stdout.decode()
    for face in TTCollection(path).fonts:
        if face['name'].getDebugName(1) == 'Noto Serif CJK TC' and face['name'].getDebugName(2) == 'Regular':
            for table in face['cmap'].tables:
                if table.isUnicode():
                    for cp in drop:
                        table.cmap.pop(cp, None)
            for rec in face['name'].names:
                if rec.nameID in (1, 4, 16):
                    rec.string = FONT
                elif rec.nameID == 6:
                    rec.string = FONT.replace(' ', '')
            os.makedirs(os.path.expanduser('~/.fonts'), exist_ok=True)
            face.save(os.path.expanduser('~/.fonts/ZhTestSerif.otf'))
            mc.run(['fc-cache', '-f'])
            return ''.join(chr(c) for c in sorted(drop))
    sys.exit('Noto Serif CJK TC Regular not found')


CASES = [
    # name, doc key, paper, size, font, heading font, bold labels, extractor
    ('flag-bold-a4', 'flag', 'a4', 12, 'Noto Serif CJK SC', 'Noto Sans CJK SC', True, 'pdftotext'),
    ('flag-bold-a5', 'flag', 'a5', 10.5, 'Noto Serif CJK SC', 'Noto Sans CJK SC', True, 'pdftotext'),
    ('yao-fallback-a5', 'yao', 'a5', 11, FONT, 'Noto Sans CJK TC', False, 'pymupdf'),
    ('speech-fallback-a5', 'speech', 'a5', 11, FONT, 'Noto Sans CJK TC', False, 'pymupdf'),
]


def main():
    build = os.path.join(tempfile.gettempdir(), 'zh-extraction-build')
    os.makedirs(build, exist_ok=True)
    dropped = install_font()
    vers = mc.versions()
    for name, key, paper, size, font, sans, bold, tool in CASES:
        doc = mc.DOCS[key]
        truth = open(os.path.join(mc.SOURCES, doc['file']), 'rb').read()
        src = os.path.join(build, f'{name}.fodt')
        with open(src, 'w', encoding='utf-8') as f:
            f.write(fodt(paragraphs(truth.decode('utf-8')), paper, size, font, sans, bold))
        mc.run(['soffice', '--headless', '--convert-to', 'pdf', '--outdir', build, src])
        pdf = src[:-5] + '.pdf'
        raw = mc.extract(tool, pdf, build, None)
        case = os.path.join(mc.CASES, f'{name}-{tool}')
        os.makedirs(case, exist_ok=True)
        open(os.path.join(case, 'input.bin'), 'wb').write(raw)
        open(os.path.join(case, 'truth.txt'), 'wb').write(truth)
        pw, ph = mc.PAPER[paper]
        what = ('article labels in bold ' + sans + ', then U+3000' if bold else
                f'font without {dropped} (drawn from a fallback font)')
        meta = {
            'kind': f'pdf-{tool}',
            'tool': mc.EXTRACTORS[tool][2],
            'tool_version': vers['pdftotext' if tool == 'pdftotext' else 'pymupdf'],
            'options': mc.EXTRACTORS[tool][1],
            'input_encoding': 'utf-8',
            'engine': 'LibreOffice (headless; flat ODT written by make_feature_cases.py -> PDF)',
            'typeset_with': vers['libreoffice'],
            'page_size': f'{pw} x {ph}',
            'paper': paper.upper(),
            'font': f'{font} {size:g}pt; {what}',
            'columns': 1,
            'first_line_indent': '2 characters on body paragraphs',
            'text_alignment': 'justified',
            'header': None,
            'footer_style': None,
            'pages': mc.pdf_pages(pdf),
            'source': doc['file'],
            'script': doc['script'],
            'truth_sha256': mc.sha(truth),
            'input_sha256': mc.sha(raw),
            'notes': f'third round (make_feature_cases.py); {paper.upper()}; {font} {size:g}pt; {what}',
        }
        with open(os.path.join(case, 'meta.json'), 'w', encoding='utf-8') as f:
            json.dump(meta, f, ensure_ascii=False, indent=1)
        print(case)


if __name__ == '__main__':
    main()
