#!/usr/bin/env python3
"""Build real PDF-extraction and OCR test cases from the texts in sources/.

usage: make_cases.py [--build DIR] [--only SUBSTR] [--no-ocr] [--check]

Run it with a Python that has pymupdf, pypdf, pdfminer.six and fonttools installed (for example
/tmp/extract-venv/bin/python); poppler-utils, LibreOffice (soffice), tesseract with chi_sim/chi_tra
and the Noto CJK / WenQuanYi Zen Hei fonts must be on the system.

What it does (nothing here edits text: every byte of every input.bin comes out of a real tool):

  1. typeset each source text into a PDF, in one of two engines:
       lo  LibreOffice (headless) from a flat ODT written by this script;
       mu  PyMuPDF's own HTML/CSS layout engine (pymupdf.Story), one or two columns, with the
           running header and the page-number footer stamped afterwards with page.insert_htmlbox;
     every layout has its own paper size, font, size, indent/spacing, alignment (justified or
     ragged right), line spacing, header and footer (LAYOUTS);
  2. extract the text of each PDF with the extractors listed for it:
       pdftotext (poppler, default reading order), pdftotext -layout, pdf2txt.py (pdfminer.six,
       default LAParams), PyMuPDF page.get_text() + form feed per page, pypdf page.extract_text()
       joined with '\\n';
  3. OCR two PDFs: pdftoppm -r 300 -png, then tesseract -l chi_sim / chi_tra page by page with
     OMP_THREAD_LIMIT=1, pages joined with '\\n'.

Output: cases/<doc>-<layout>-<extractor>/{input.bin, truth.txt, meta.json}. input.bin is the raw
output of the tool; truth.txt is the source file byte for byte. PDFs, fonts cut out of the font
collections, page images and the LibreOffice profile stay in the build folder (default
$ZH_EXTRACTION_BUILD or <tmp>/zh-extraction-build) and never go into the repository.
"""
import argparse, hashlib, html, json, logging, os, re, shutil, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCES = os.path.join(HERE, 'sources')
CASES = os.path.join(HERE, 'cases')
SHARED = os.environ.get('ZH_CORPUS_REAL', '/work/shared/corpus-real')   # only used by --check

# ----------------------------------------------------------------------------- documents
# key -> source file, script, running-header text used by the layouts that have a header.
DOCS = {
    'lunyu':    dict(file='classical-cn-lunyu-1-6.txt', script='simplified', header='论语'),
    'report09': dict(file='report-cn-2009-indented.txt', script='simplified',
                     header='2009年国务院政府工作报告'),
    'speech':   dict(file='speech-tw-2000-inaugural.txt', script='traditional-tw',
                     header='中華民國第十任總統就職演說'),
    'yao':      dict(file='story-trad-luxun-yao.txt', script='traditional', header='吶喊'),
    'faq':      dict(file='faq-cn-tidb-dm.txt', script='simplified',
                     header='Data Migration 常见问题'),
    'tengye':   dict(file='essay-cn-luxun-tengye.txt', script='simplified', header='藤野先生'),
    'flag':     dict(file='law-cn-guoqifa-2020.txt', script='simplified', header='中华人民共和国国旗法'),
}

FAQ_QUESTIONS = {
    'DM 是否支持迁移阿里 RDS 以及其他云数据库的数据？',
    'task 配置中的黑白名单的正则表达式是否支持`非获取匹配`（?!）？',
    '如果在上游执行的一个 statement 包含多个 DDL 操作，DM 是否支持迁移？',
    '如何处理不兼容的 DDL 语句？',
    'DM 是否会将视图的 DDL 语句和对视图的 DML 语句同步到下游的 TiDB 中？',
    '如何重置数据迁移任务？',
    '设置了 `online-ddl-scheme: "gh-ost"`， gh-ost 表相关的 DDL 报错该如何处理？',
    '如何为已有迁移任务增加需要迁移的表？',
    "全量导入过程中遇到报错 `packet for query is too large. Try adjusting the 'max_allowed_packet' variable`",
    "2.0+ 集群运行 1.0 已有数据迁移任务时报错 `Error 1054: Unknown column 'binlog_gtid' in 'field list'`",
    'TiUP 无法部署 DM 的某个版本（如 v2.0.0-hotfix）',
    'DM 同步报错 `parse mydumper metadata error: EOF`',
    'DM 分库分表同步中没有明显报错，但是下游数据丢失',
    'DM 上游无写入，replicate lag 监控无数据',
}
FAQ_ITEM_PREFIXES = ('阿里云 RDS', '即使上游表没有主键', '华为云 RDS', '不支持，详见', '修改任务配置文件',
                     '使用 `start-task --remove-meta', '需要更新的 checkpoint', 'TiDB Server 的全局变量',
                     '任务配置文件中的配置项', '`block-allow-list` 填写', '`table-route` 不支持')


def role(key, i, p):
    """Typographic role of paragraph i (styling only; the text is never touched)."""
    if key == 'lunyu':
        return 'h1' if p.endswith('篇') and len(p) <= 5 else 'body'
    if key == 'report09':
        if i == 0:
            return 'plain'
        return 'h1' if re.match('^[一二三四五六七八九十]+、', p) else 'body'
    if key == 'speech':
        return 'plain' if i == 0 else 'body'
    if key == 'faq':
        if i == 0:
            return 'title'
        if p in FAQ_QUESTIONS:
            return 'h2'
        if p.startswith('迁移任务当前处于'):
            return 'h3'
        if p == '注意：':
            return 'note'
        if re.match(r'^\d\. ', p) or p.startswith(FAQ_ITEM_PREFIXES):
            return 'item'
        return 'body'
    if key == 'tengye':
        if i == 0:
            return 'title'
        return 'sign' if p == '十月十二日。' else 'body'
    if key == 'flag':
        if i == 0:
            return 'title'
        if re.match(r'^（?\d{4}年\d+月\d+日', p) or p == '国旗制法图案':
            return 'meta'          # adoption/amendment lines, the 1949 note, the figure caption
        if p == '国旗制法说明':
            return 'h1'
        if p == '附：':
            return 'plain'
        return 'body'
    return 'body'


# ----------------------------------------------------------------------------- layouts
# footer styles: N = page number, M = page count
FOOTERS = {
    'emdash': '— {n} —', 'hyphen': '- {n} -', 'of': '第 {n} 页 共 {m} 页', 'page': '第{n}页',
    'plain': '{n}', 'slash': '{n} / {m}', 'en': 'Page {n}', 'page-sp': '第 {n} 页',
}
PAPER = {'a4': ('21cm', '29.7cm'), 'a5': ('14.8cm', '21cm'), 'b5': ('17.6cm', '25cm'),
         'letter': ('21.59cm', '27.94cm'), 'a6': ('10.5cm', '14.8cm'), 'narrow': ('10cm', '19cm')}
PAPER_NAME = {'letter': 'Letter', 'narrow': 'custom 10 cm wide'}

# (doc, engine, label, settings, extractors)
#   size in pt; indent: True = 2-character first-line indent on body text, False = no indent and
#   space between paragraphs, 'source' = no indent added (the text carries its own U+3000 indent);
#   header: None or (text, alignment); footer: key of FOOTERS and its alignment
#   optional (second set of layouts): align 'justify' (default) or 'start' (ragged right); line:
#   line height (default 145% in lo, 1.55 in mu); space_after: space after every body paragraph
#   (overrides the default); rule: False = running header without the rule; vmargin: (top, bottom)
#   page margins in lo (default 1.4cm, 1.3cm)
LAYOUTS = [
    ('lunyu', 'lo', 'lo-a5', dict(paper='a5', font='Noto Serif CJK SC', size=10.5, indent=True,
                                  margin='1.7cm', header=('论语', 'center'), footer=('emdash', 'center')),
     ['pdftotext', 'pdfminer', 'pymupdf', 'pypdf']),
    ('lunyu', 'mu', 'mu-b5', dict(paper='b5', font='WenQuanYi Zen Hei', size=11, indent=False,
                                  margin=54, header=None, footer=('page', 'center')),
     ['pdftotext-layout', 'pymupdf', 'ocr-tesseract']),
    ('report09', 'lo', 'lo-a4', dict(paper='a4', font='Noto Sans CJK SC', size=11, indent='source',
                                     margin='2.4cm', header=('2009年国务院政府工作报告', 'end'),
                                     footer=('of', 'center')),
     ['pdftotext', 'pdftotext-layout', 'pymupdf', 'pypdf']),
    ('report09', 'mu', 'mu-letter-2col', dict(paper='letter', font='Noto Serif CJK SC', size=10,
                                              indent='source', margin=50, columns=2, gap=20,
                                              header=('政府工作报告（2009年）', 'center'),
                                              footer=('en', 'end')),
     ['pdftotext', 'pdftotext-layout', 'pdfminer']),
    ('speech', 'lo', 'lo-a4', dict(paper='a4', font='Noto Serif CJK TC', size=12, indent=True,
                                   margin='2.6cm', header=('中華民國第十任總統就職演說', 'center'),
                                   footer=('slash', 'center')),
     ['pdftotext', 'pdfminer', 'pymupdf', 'pypdf']),
    ('speech', 'mu', 'mu-a5', dict(paper='a5', font='Noto Sans CJK TC', size=10, indent=False,
                                   margin=42, header=None, footer=('hyphen', 'center'), cmap='as-is'),
     ['pdftotext', 'pypdf', 'ocr-tesseract']),
    ('yao', 'lo', 'lo-b5', dict(paper='b5', font='Noto Serif CJK TC', size=11, indent=True,
                                margin='2cm', header=('吶喊', 'start'), footer=('plain', 'end')),
     ['pdftotext', 'pdftotext-layout', 'pdfminer', 'pymupdf']),
    ('faq', 'lo', 'lo-a4', dict(paper='a4', font='Noto Sans CJK SC', size=10.5, indent=False,
                                margin='2.2cm', header=('Data Migration 常见问题', 'center'),
                                footer=('of', 'end')),
     ['pdftotext', 'pdftotext-layout', 'pymupdf', 'pypdf']),
    ('faq', 'mu', 'mu-b5', dict(paper='b5', font='WenQuanYi Zen Hei', size=10, indent=True,
                                margin=50, header=None, footer=('slash', 'center')),
     ['pdfminer', 'pypdf']),
    # second set of layouts: more page sizes, sizes and paragraph styles; no -layout, one column
    ('lunyu', 'lo', 'lo-b5', dict(paper='b5', font='Noto Sans CJK SC', size=10.5, indent=True,
                                  margin='2.3cm', header=('论语·学而至雍也', 'end'), footer=('page-sp', 'center')),
     ['pdftotext', 'pdfminer', 'pypdf']),
    ('report09', 'lo', 'lo-a6', dict(paper='a6', font='Noto Serif CJK SC', size=9, indent='source',
                                     margin='1.2cm', vmargin=('1.1cm', '1cm'), align='start', header=None,
                                     footer=('hyphen', 'center')),
     ['pdftotext', 'pymupdf', 'pypdf']),
    ('speech', 'lo', 'lo-a5-sp15', dict(paper='a5', font='Noto Sans CJK TC', size=10.5, indent=False,
                                        line='150%', space_after='8pt', margin='1.9cm',
                                        header=('陳水扁總統就職演說', 'end'), rule=False, footer=('en', 'end')),
     ['pdftotext', 'pdfminer', 'pymupdf']),
    ('yao', 'lo', 'lo-a5', dict(paper='a5', font='Noto Serif CJK TC', size=12, indent=True, margin='1.8cm',
                                header=('藥', 'center'), footer=('slash', 'center')),
     ['pdftotext', 'pdfminer', 'pymupdf', 'pypdf']),
    ('faq', 'lo', 'lo-narrow', dict(paper='narrow', font='WenQuanYi Zen Hei', size=9.5, indent=False,
                                    margin='1.3cm', vmargin=('1.2cm', '1.1cm'), align='start',
                                    header=('Data Migration 常见问题', 'center'), footer=('plain', 'center')),
     ['pdftotext', 'pdfminer', 'pypdf']),
    ('tengye', 'lo', 'lo-b5', dict(paper='b5', font='Noto Serif CJK SC', size=12, indent=True, margin='2.2cm',
                                   header=('藤野先生', 'center'), rule=False, footer=('of', 'center')),
     ['pdftotext', 'pdfminer', 'pymupdf', 'pypdf']),
    ('tengye', 'mu', 'mu-a5', dict(paper='a5', font='Noto Serif CJK SC', size=10.5, indent=True, margin=46,
                                   align='start', header=('朝花夕拾', 'end'), footer=('en', 'center')),
     ['pdftotext', 'pdfminer', 'pypdf']),
    ('flag', 'lo', 'lo-a4', dict(paper='a4', font='Noto Serif CJK SC', size=12, indent=True, margin='2.7cm',
                                 header=('中华人民共和国国旗法', 'center'), footer=('hyphen', 'end')),
     ['pdftotext', 'pdfminer', 'pymupdf', 'pypdf']),
    ('flag', 'lo', 'lo-a5', dict(paper='a5', font='WenQuanYi Zen Hei', size=10.5, indent=True, margin='1.6cm',
                                 align='start', header=None, footer=('page', 'end')),
     ['pdfminer', 'pymupdf', 'pypdf']),
]

EXTRACTORS = {
    'pdftotext': ('pdftotext', ['-enc', 'UTF-8'], 'pdftotext -enc UTF-8 PDF - (poppler-utils), default reading-order mode'),
    'pdftotext-layout': ('pdftotext', ['-layout', '-enc', 'UTF-8'], 'pdftotext -layout -enc UTF-8 PDF - (poppler-utils)'),
    'pdfminer': ('pdfminer', [], 'pdf2txt.py PDF (pdfminer.six), default LAParams'),
    'pymupdf': ('pymupdf', ['page.get_text()', 'form feed after each page'],
                'PyMuPDF: for each page, page.get_text() followed by a form feed'),
    'pypdf': ('pypdf', ['page.extract_text()', "pages joined with '\\n'"],
              "pypdf PdfReader: '\\n'.join(page.extract_text() for page in reader.pages)"),
    'ocr-tesseract': ('tesseract', None, 'pdftoppm -r 300 -png, then tesseract PAGE.png - -l LANG for each page '
                      "(OMP_THREAD_LIMIT=1), pages joined with '\\n'"),
}


# ----------------------------------------------------------------------------- helpers
def run(argv, **kw):
    r = subprocess.run(argv, capture_output=True, **kw)
    if r.returncode != 0:
        sys.exit(f'command failed ({r.returncode}): {" ".join(argv)}\n{r.stderr.decode(errors="replace")[-3000:]}')
    return r


def first_line(argv):
    try:
        r = subprocess.run(argv, capture_output=True, text=True)
        return ((r.stdout or '') + (r.stderr or '')).strip().splitlines()[0]
    except Exception as e:  # pragma: no cover
        return f'unknown ({e})'


def deb_version(pkg):
    r = subprocess.run(['dpkg-query', '-W', '-f=${Version}', pkg], capture_output=True, text=True)
    return r.stdout.strip() or 'unknown'


def versions():
    import pdfminer, pypdf, pymupdf
    return {
        'pdftotext': first_line(['pdftotext', '-v']),
        'pdftoppm': first_line(['pdftoppm', '-v']),
        'libreoffice': first_line(['soffice', '--version']),
        'tesseract': first_line(['tesseract', '--version']),
        'tessdata': f'tesseract-ocr-chi-sim {deb_version("tesseract-ocr-chi-sim")}, '
                    f'tesseract-ocr-chi-tra {deb_version("tesseract-ocr-chi-tra")}',
        'pdfminer': f'pdfminer.six {pdfminer.__version__}',
        'pymupdf': f'PyMuPDF {pymupdf.VersionBind} (MuPDF {pymupdf.VersionFitz})',
        'pypdf': f'pypdf {pypdf.__version__}',
        'fonts': f'fonts-noto-cjk {deb_version("fonts-noto-cjk")}, fonts-wqy-zenhei {deb_version("fonts-wqy-zenhei")}',
    }


def paragraphs(text):
    assert text.endswith('\n') and not text.endswith('\n\n'), 'source must end with one newline'
    return text[:-1].split('\n\n')


def pdf_pages(pdf):
    out = run(['pdfinfo', pdf]).stdout.decode()
    return int(re.search(r'^Pages:\s+(\d+)', out, re.M).group(1))


# ----------------------------------------------------------------------------- LibreOffice
def odt_text(p):
    s = html.escape(p, quote=False)
    s = re.sub(r' {2,}', lambda m: ' <text:s text:c="%d"/>' % (len(m.group()) - 1), s)
    return s.replace('\n', '<text:line-break/>')


def lo_field(fmt):
    return html.escape(fmt, quote=False).replace(
        '{n}', '<text:page-number text:select-page="current">1</text:page-number>').replace(
        '{m}', '<text:page-count>1</text:page-count>')


# The root element of a flat ODT, with the namespaces the generated documents use.
ODF_ROOT = '''<?xml version="1.0" encoding="UTF-8"?>
<office:document office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text"
 xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0">
'''


def make_lo(key, label, cfg, paras, build):
    size = cfg['size']
    indent = f'{2 * size:g}pt' if cfg['indent'] is True else '0pt'
    gap = '0.12cm' if cfg['indent'] is not False else f'{0.7 * size:g}pt'
    gap = cfg.get('space_after', gap)
    align, line = cfg.get('align', 'justify'), cfg.get('line', '145%')
    top, bottom = cfg.get('vmargin', ('1.4cm', '1.3cm'))
    rule = 'fo:border-bottom="0.5pt solid #000000" fo:padding-bottom="0.06cm"' if cfg.get('rule', True) else ''
    lang = 'TW' if DOCS[key]['script'].startswith('traditional') else 'CN'
    head_font = cfg['font'].replace('Serif', 'Sans') if 'Noto' in cfg['font'] else cfg['font']
    style = {'body': 'Body', 'plain': 'Plain', 'title': 'Title', 'h1': 'H1', 'h2': 'H2', 'h3': 'H3',
             'note': 'Note', 'item': 'Item', 'sign': 'Sign', 'meta': 'Meta'}
    body = '\n'.join(f'<text:p text:style-name="{style[role(key, i, p)]}">{odt_text(p)}</text:p>'
                     for i, p in enumerate(paras))
    pw, ph = PAPER[cfg['paper']]
    header = footer = ''
    if cfg['header']:
        header = f'<style:header><text:p text:style-name="RunHead">{html.escape(cfg["header"][0])}</text:p></style:header>'
    if cfg['footer']:
        footer = f'<style:footer><text:p text:style-name="RunFoot">{lo_field(FOOTERS[cfg["footer"][0]])}</text:p></style:footer>'
    doc = ODF_ROOT + f'''<office:font-face-decls>
 <style:font-face style:name="F1" svg:font-family="&apos;{cfg['font']}&apos;"/>
 <style:font-face style:name="F2" svg:font-family="&apos;{head_font}&apos;"/>
</office:font-face-decls>
<office:styles>
 <style:default-style style:family="paragraph">
  <style:paragraph-properties style:line-break="strict" fo:hyphenation-ladder-count="no-limit"/>
  <style:text-properties style:font-name="F1" style:font-name-asian="F1" style:font-name-complex="F1"
   fo:font-size="{size}pt" style:font-size-asian="{size}pt" fo:language="zh" fo:country="{lang}"
   style:language-asian="zh" style:country-asian="{lang}"/>
 </style:default-style>
 <style:style style:name="Body" style:family="paragraph">
  <style:paragraph-properties fo:text-align="{align}" fo:text-indent="{indent}" fo:line-height="{line}"
   fo:margin-top="0cm" fo:margin-bottom="{gap}"/>
 </style:style>
 <style:style style:name="Plain" style:family="paragraph" style:parent-style-name="Body">
  <style:paragraph-properties fo:text-indent="0pt"/>
 </style:style>
 <style:style style:name="Item" style:family="paragraph" style:parent-style-name="Body">
  <style:paragraph-properties fo:text-indent="0pt" fo:margin-left="{2 * size:g}pt"/>
 </style:style>
 <style:style style:name="Note" style:family="paragraph" style:parent-style-name="Plain">
  <style:text-properties fo:font-weight="bold" style:font-weight-asian="bold"/>
 </style:style>
 <style:style style:name="Sign" style:family="paragraph" style:parent-style-name="Body">
  <style:paragraph-properties fo:text-align="end" fo:text-indent="0pt" fo:margin-right="{2 * size:g}pt"/>
 </style:style>
 <style:style style:name="Meta" style:family="paragraph" style:parent-style-name="Body">
  <style:paragraph-properties fo:text-align="center" fo:text-indent="0pt"/>
  <style:text-properties fo:font-size="{size - 1.5:g}pt" style:font-size-asian="{size - 1.5:g}pt"/>
 </style:style>
 <style:style style:name="Title" style:family="paragraph">
  <style:paragraph-properties fo:text-align="center" fo:margin-bottom="0.5cm" fo:keep-with-next="always"/>
  <style:text-properties style:font-name="F2" style:font-name-asian="F2" fo:font-size="{size + 6:g}pt"
   style:font-size-asian="{size + 6:g}pt" fo:font-weight="bold" style:font-weight-asian="bold"/>
 </style:style>
 <style:style style:name="H1" style:family="paragraph">
  <style:paragraph-properties fo:text-align="center" fo:margin-top="0.3cm" fo:margin-bottom="0.25cm" fo:keep-with-next="always"/>
  <style:text-properties style:font-name="F2" style:font-name-asian="F2" fo:font-size="{size + 3:g}pt"
   style:font-size-asian="{size + 3:g}pt" fo:font-weight="bold" style:font-weight-asian="bold"/>
 </style:style>
 <style:style style:name="H2" style:family="paragraph">
  <style:paragraph-properties fo:text-align="start" fo:margin-top="0.3cm" fo:margin-bottom="0.15cm" fo:keep-with-next="always"/>
  <style:text-properties style:font-name="F2" style:font-name-asian="F2" fo:font-size="{size + 1.5:g}pt"
   style:font-size-asian="{size + 1.5:g}pt" fo:font-weight="bold" style:font-weight-asian="bold"/>
 </style:style>
 <style:style style:name="H3" style:family="paragraph" style:parent-style-name="H2">
  <style:text-properties fo:font-size="{size:g}pt" style:font-size-asian="{size:g}pt"/>
 </style:style>
 <style:style style:name="RunHead" style:family="paragraph">
  <style:paragraph-properties fo:text-align="{(cfg['header'] or ('', 'center'))[1]}" {rule}/>
  <style:text-properties fo:font-size="8.5pt" style:font-size-asian="8.5pt"/>
 </style:style>
 <style:style style:name="RunFoot" style:family="paragraph">
  <style:paragraph-properties fo:text-align="{(cfg['footer'] or ('', 'center'))[1]}"/>
  <style:text-properties fo:font-size="9pt" style:font-size-asian="9pt"/>
 </style:style>
</office:styles>
<office:automatic-styles>
 <style:page-layout style:name="PL">
  <style:page-layout-properties fo:page-width="{pw}" fo:page-height="{ph}" fo:margin-top="{top}"
   fo:margin-bottom="{bottom}" fo:margin-left="{cfg['margin']}" fo:margin-right="{cfg['margin']}"/>
  <style:header-style><style:header-footer-properties fo:min-height="0cm" fo:margin-bottom="0.45cm"/></style:header-style>
  <style:footer-style><style:header-footer-properties fo:min-height="0cm" fo:margin-top="0.4cm"/></style:footer-style>
 </style:page-layout>
</office:automatic-styles>
<office:master-styles>
 <style:master-page style:name="Standard" style:page-layout-name="PL">{header}{footer}</style:master-page>
</office:master-styles>
<office:body><office:text>
{body}
</office:text></office:body>
</office:document>
'''
    stem = f'{key}-{label}'
    fodt = os.path.join(build, stem + '.fodt')
    with open(fodt, 'w', encoding='utf-8') as f:
        f.write(doc)
    profile = 'file://' + os.path.join(build, 'lo-profile')
    run(['soffice', f'-env:UserInstallation={profile}', '--headless', '--convert-to', 'pdf',
         '--outdir', build, fodt])
    pdf = os.path.join(build, stem + '.pdf')
    assert os.path.exists(pdf), pdf
    return pdf, 'LibreOffice (headless; flat ODT written by make_cases.py -> PDF)'


# ----------------------------------------------------------------------------- PyMuPDF Story
def prune_cmap(face):
    """Give every glyph a single code point where the font maps several to it.

    Noto CJK maps CJK compatibility ideographs (U+F900 不 -> the glyph of U+4E0D 不), private-use
    code points and U+2011 to glyphs that also serve an ordinary code point. MuPDF builds the
    ToUnicode map from the cmap in reverse and may pick the compatibility/private code point, so
    pdftotext & co. would print U+F967 for 不 and U+F6B1 for 0. Dropping those duplicate entries
    from the cmap (glyphs and outlines unchanged) makes MuPDF write the ordinary code point.
    """
    def odd(cp):
        return 0xF900 <= cp <= 0xFAFF or 0x2F800 <= cp <= 0x2FA1F or 0xE000 <= cp <= 0xF8FF or cp in (0x2011, 0x00AD)
    best = face.getBestCmap()
    glyph_cps = {}
    for cp, g in best.items():
        glyph_cps.setdefault(g, []).append(cp)
    drop = {cp for cps in glyph_cps.values() if len(cps) > 1 and any(not odd(c) for c in cps)
            for cp in cps if odd(cp)}
    for table in face['cmap'].tables:
        if table.isUnicode():
            for cp in drop:
                table.cmap.pop(cp, None)
    return len(drop)


def font_file(family, bold, build, prune=True):
    """Cut the face `family` out of its font collection into the build folder; return file name."""
    from fontTools.ttLib import TTCollection
    path = run(['fc-match', '-f', '%{file}', family + (':bold' if bold else '')]).stdout.decode()
    want_bold = bold and 'Noto' in family        # WenQuanYi Zen Hei has no bold face
    name = re.sub(r'\W+', '', family) + ('-Bold' if want_bold else '') + ('' if prune else '-rawcmap')
    if not path.endswith('.ttc'):
        sys.exit(f'{family}: expected a font collection, got {path}')
    for face in TTCollection(path).fonts:
        fam = face['name'].getDebugName(1)
        sub = face['name'].getDebugName(2) or ''
        if fam == family and ('Bold' in sub) == want_bold:
            out = os.path.join(build, name + ('.otf' if 'CFF ' in face else '.ttf'))
            if not os.path.exists(out):
                if prune:
                    prune_cmap(face)
                face.save(out)
            return os.path.basename(out)
    sys.exit(f'face {family} not found in {path}')


def make_mu(key, label, cfg, paras, build):
    import pymupdf
    size = cfg['size']
    prune = cfg.get('cmap') != 'as-is'
    regular = font_file(cfg['font'], False, build, prune)
    bold = font_file(cfg['font'], True, build, prune)
    indent = '2em' if cfg['indent'] is True else '0'
    gap = '0' if cfg['indent'] is not False else '0.6em'
    gap = cfg.get('space_after', gap)
    align = {'start': 'left'}.get(cfg.get('align', 'justify'), cfg.get('align', 'justify'))
    css = f'''
@font-face {{ font-family: body; src: url({regular}); }}
@font-face {{ font-family: body; font-weight: bold; src: url({bold}); }}
body {{ font-family: body; font-size: {size}pt; }}
p {{ margin: 0 0 {gap} 0; text-indent: {indent}; text-align: {align}; line-height: {cfg.get('line', 1.55)}; }}
p.plain {{ text-indent: 0; }}
p.sign {{ text-indent: 0; text-align: right; margin-right: 2em; }}
p.meta {{ text-indent: 0; text-align: center; font-size: {size - 1.5}pt; }}
p.item {{ text-indent: 0; margin-left: 2em; }}
p.note {{ text-indent: 0; font-weight: bold; }}
h1 {{ font-size: {size + 6}pt; text-align: center; font-weight: bold; margin: 0 0 0.8em 0; }}
h2 {{ font-size: {size + 3}pt; text-align: center; font-weight: bold; margin: 0.6em 0 0.5em 0; }}
h3 {{ font-size: {size + 1.5}pt; text-align: left; font-weight: bold; margin: 0.7em 0 0.3em 0; }}
h4 {{ font-size: {size}pt; text-align: left; font-weight: bold; margin: 0.5em 0 0.2em 0; }}
'''
    tag = {'title': ('h1', ''), 'h1': ('h2', ''), 'h2': ('h3', ''), 'h3': ('h4', ''),
           'body': ('p', ''), 'plain': ('p', ' class="plain"'), 'item': ('p', ' class="item"'),
           'note': ('p', ' class="note"'), 'sign': ('p', ' class="sign"'), 'meta': ('p', ' class="meta"')}
    parts = []
    for i, p in enumerate(paras):
        t, attr = tag[role(key, i, p)]
        parts.append(f'<{t}{attr}>{html.escape(p, quote=False).replace(chr(10), "<br/>")}</{t}>')
    archive = pymupdf.Archive(build)
    story = pymupdf.Story('\n'.join(parts), user_css=css, archive=archive)
    if cfg['paper'] in ('a4', 'a5', 'a6', 'b5', 'letter'):
        page_rect = pymupdf.paper_rect(cfg['paper'])
    else:                                   # custom size, from PAPER (cm)
        page_rect = pymupdf.Rect(0, 0, *(float(v[:-2]) / 2.54 * 72 for v in PAPER[cfg['paper']]))
    m = cfg['margin']
    top, bottom = m + 14, m + 10
    ncol = cfg.get('columns', 1)
    colw = (page_rect.width - 2 * m - (ncol - 1) * cfg.get('gap', 0)) / ncol
    cols = [pymupdf.Rect(m + c * (colw + cfg.get('gap', 0)), top, m + c * (colw + cfg.get('gap', 0)) + colw,
                         page_rect.height - bottom) for c in range(ncol)]
    stem = f'{key}-{label}'
    raw = os.path.join(build, stem + '-body.pdf')
    writer = pymupdf.DocumentWriter(raw)
    more = True
    while more:
        dev = writer.begin_page(page_rect)
        for r in cols:
            more, _ = story.place(r)
            story.draw(dev)
            if not more:
                break
        writer.end_page()
    writer.close()
    # running header (with a rule) and page-number footer
    doc = pymupdf.open(raw)
    n = doc.page_count
    hf_css = f'@font-face {{ font-family: hf; src: url({regular}); }} * {{ font-family: hf; }}'
    for i, page in enumerate(doc):
        if cfg['header']:
            text, align = cfg['header']
            r = pymupdf.Rect(m, m - 16, page_rect.width - m, top - 8)
            page.insert_htmlbox(r, f'<div style="text-align:{ {"start": "left", "end": "right"}.get(align, align)}; '
                                   f'font-size:8.5pt">{html.escape(text)}</div>', css=hf_css, archive=archive)
            if cfg.get('rule', True):
                page.draw_line((m, top - 9), (page_rect.width - m, top - 9), width=0.5)
        if cfg['footer']:
            style, align = cfg['footer']
            text = FOOTERS[style].format(n=i + 1, m=n)
            r = pymupdf.Rect(m, page_rect.height - bottom + 8, page_rect.width - m, page_rect.height - bottom + 26)
            page.insert_htmlbox(r, f'<div style="text-align:{ {"start": "left", "end": "right"}.get(align, align)}; '
                                   f'font-size:9pt">{html.escape(text)}</div>', css=hf_css, archive=archive)
    doc.subset_fonts()
    pdf = os.path.join(build, stem + '.pdf')
    doc.save(pdf, garbage=3, deflate=True)
    doc.close()
    return pdf, 'PyMuPDF Story (MuPDF HTML/CSS layout) + page.insert_htmlbox for header/footer'


# ----------------------------------------------------------------------------- extraction
def extract(tool, pdf, build, lang):
    if tool in ('pdftotext', 'pdftotext-layout'):
        return run(['pdftotext', *EXTRACTORS[tool][1], pdf, '-']).stdout
    if tool == 'pdfminer':
        exe = os.path.join(os.path.dirname(sys.executable), 'pdf2txt.py')
        return run([exe if os.path.exists(exe) else 'pdf2txt.py', pdf]).stdout
    if tool == 'pymupdf':
        import pymupdf
        out = []
        with pymupdf.open(pdf) as doc:
            for page in doc:
                out.append(page.get_text() + '\f')
        return ''.join(out).encode('utf-8')
    if tool == 'pypdf':
        from pypdf import PdfReader
        logging.getLogger('pypdf').setLevel(logging.ERROR)   # quiet about the as-is ToUnicode maps
        return '\n'.join(p.extract_text() for p in PdfReader(pdf).pages).encode('utf-8')
    if tool == 'ocr-tesseract':
        imgdir = os.path.join(build, os.path.basename(pdf)[:-4] + '-png')
        shutil.rmtree(imgdir, ignore_errors=True)
        os.makedirs(imgdir)
        run(['pdftoppm', '-r', '300', '-png', pdf, os.path.join(imgdir, 'page')])
        env = dict(os.environ, OMP_THREAD_LIMIT='1')
        pages = []
        for png in sorted(os.listdir(imgdir)):
            pages.append(run(['tesseract', os.path.join(imgdir, png), '-', '-l', lang], env=env).stdout.decode('utf-8'))
        return '\n'.join(pages).encode('utf-8')
    raise ValueError(tool)


def sha(b):
    return hashlib.sha256(b).hexdigest()


def check_cases():
    """input.bin must be bytes (it is what the tool wrote); truth.txt must equal its source."""
    bad = 0
    for name in sorted(os.listdir(CASES)):
        d = os.path.join(CASES, name)
        meta = json.load(open(os.path.join(d, 'meta.json'), encoding='utf-8'))
        truth = open(os.path.join(d, 'truth.txt'), 'rb').read()
        src = open(os.path.join(SOURCES, meta['source']), 'rb').read()
        ok = truth == src and meta.get('truth_sha256') == sha(truth)
        inp = open(os.path.join(d, 'input.bin'), 'rb').read()
        ok = ok and meta.get('input_sha256') == sha(inp)
        inp.decode(meta['input_encoding'])
        if not ok:
            bad += 1
            print('MISMATCH', name)
    for f in os.listdir(SOURCES):   # the two texts shared with corpus-real must still be identical
        shared = os.path.join(SHARED, f)
        if os.path.exists(shared) and open(shared, 'rb').read() != open(os.path.join(SOURCES, f), 'rb').read():
            bad += 1
            print('DIFFERS FROM corpus-real:', f)
    return bad


def table():
    print(f'{"case":40s} {"bytes":>7s} {"lines":>6s}')
    for name in sorted(os.listdir(CASES)):
        b = open(os.path.join(CASES, name, 'input.bin'), 'rb').read()
        lines = b.count(b'\n')
        print(f'{name:40s} {len(b):7d} {lines:6d}')


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--build', default=os.environ.get('ZH_EXTRACTION_BUILD',
                                                      os.path.join(tempfile.gettempdir(), 'zh-extraction-build')))
    ap.add_argument('--only', default='', help='only layouts whose "<doc>-<label>" contains this')
    ap.add_argument('--no-ocr', action='store_true', help='skip the tesseract cases')
    ap.add_argument('--check', action='store_true', help='only verify the existing cases')
    a = ap.parse_args()
    if a.check:
        bad = check_cases()
        table()
        sys.exit(1 if bad else 0)
    os.makedirs(a.build, exist_ok=True)
    if not a.only and os.path.isdir(CASES):
        shutil.rmtree(CASES)
    os.makedirs(CASES, exist_ok=True)
    vers = versions()
    with open(os.path.join(a.build, 'versions.json'), 'w') as f:
        json.dump(vers, f, ensure_ascii=False, indent=1)
    for key, engine, label, cfg, tools in LAYOUTS:
        if a.only not in f'{key}-{label}':
            continue
        doc = DOCS[key]
        truth = open(os.path.join(SOURCES, doc['file']), 'rb').read()
        paras = paragraphs(truth.decode('utf-8'))
        pdf, engine_desc = (make_lo if engine == 'lo' else make_mu)(key, label, cfg, paras, a.build)
        pages = pdf_pages(pdf)
        engine_ver = vers['libreoffice'] if engine == 'lo' else vers['pymupdf']
        header = cfg['header'][0] if cfg['header'] else None
        lang = 'chi_tra' if doc['script'].startswith('traditional') else 'chi_sim'
        pw, ph = PAPER[cfg['paper']]
        layout = {
            'engine': engine_desc,
            'typeset_with': engine_ver,
            'page_size': f'{pw} x {ph}',
            'paper': PAPER_NAME.get(cfg['paper'], cfg['paper'].upper()),
            'font': f'{cfg["font"]} {cfg["size"]:g}pt' + (' (headings bold)' if engine == 'mu' else
                                                            ' (headings bold, Sans variant for Noto)'),
            'columns': cfg.get('columns', 1),
            'first_line_indent': {True: '2 characters on body paragraphs', False: 'none',
                                  'source': "none added (the text's own two U+3000 characters)"}[cfg['indent']],
            'paragraph_spacing': (f'{cfg["space_after"]} after every paragraph' if 'space_after' in cfg else
                                  'space between paragraphs' if cfg['indent'] is False else 'none (or minimal)'),
            'text_alignment': {'justify': 'justified', 'start': 'left (ragged right)'}[cfg.get('align', 'justify')],
            'line_spacing': (f'proportional {cfg.get("line", "145%")}' if engine == 'lo' else
                             f'CSS line-height {cfg.get("line", 1.55)}'),
            'header': header,
            'header_alignment': cfg['header'][1] if cfg['header'] else None,
            'header_equals_title': header is not None and header == paras[0],
            'header_rule': cfg['header'] is not None and cfg.get('rule', True),
            'footer_style': FOOTERS[cfg['footer'][0]].replace('{n}', 'N').replace('{m}', 'M') if cfg['footer'] else None,
            'footer_alignment': cfg['footer'][1] if cfg['footer'] else None,
            'margins': (f'{cfg["margin"]}pt' if engine == 'mu' else str(cfg['margin']) if 'vmargin' not in cfg else
                        f'{cfg["margin"]} left/right, {cfg["vmargin"][0]} top, {cfg["vmargin"][1]} bottom'),
            'font_cmap': ('font used as installed' if engine == 'lo' else
                          'face cut from the collection as is: MuPDF writes ToUnicode entries with CJK '
                          'compatibility ideographs and private-use code points (e.g. U+F967 for 不)'
                          if cfg.get('cmap') == 'as-is' else
                          'face cut from the collection, duplicate compatibility/PUA/U+2011/U+00AD cmap entries removed'),
            'pages': pages,
        }
        for tool in tools:
            if tool == 'ocr-tesseract' and a.no_ocr:
                continue
            raw = extract(tool, pdf, a.build, lang)
            vkey = {'pdftotext-layout': 'pdftotext', 'ocr-tesseract': 'tesseract'}.get(tool, tool)
            tver = vers[vkey]
            if tool == 'ocr-tesseract':
                tver = f'{vers["tesseract"]}; {vers["tessdata"]}; {vers["pdftoppm"]}'
                options = ['pdftoppm -r 300 -png', f'tesseract -l {lang}', 'OMP_THREAD_LIMIT=1',
                           "pages joined with '\\n'"]
            else:
                options = EXTRACTORS[tool][1]
            name = f'{key}-{label}-{tool}'
            meta = {
                'kind': 'ocr-tesseract' if tool == 'ocr-tesseract' else f'pdf-{tool}',
                'tool': EXTRACTORS[tool][2].replace('LANG', lang),
                'tool_version': tver,
                'options': options,
                'input_encoding': 'utf-8',
                **layout,
                'source': doc['file'],
                'script': doc['script'],
                'pdf': os.path.basename(pdf),
                'truth_sha256': sha(truth),
                'input_sha256': sha(raw),
                'notes': (f'{engine_desc}; {layout["paper"]} {layout["page_size"]}; {layout["font"]}; '
                          f'{layout["columns"]} column(s); indent: {layout["first_line_indent"]}; '
                          f'header: {header or "none"}; footer: {layout["footer_style"]}; {pages} pages'
                          + (f'; {layout["text_alignment"]}' if cfg.get('align', 'justify') != 'justify' else '')
                          + (f'; line spacing {layout["line_spacing"]}' if 'line' in cfg else '')
                          + (f'; {layout["paragraph_spacing"]}' if 'space_after' in cfg else '')),
            }
            d = os.path.join(CASES, name)
            os.makedirs(d, exist_ok=True)
            with open(os.path.join(d, 'input.bin'), 'wb') as f:
                f.write(raw)
            with open(os.path.join(d, 'truth.txt'), 'wb') as f:
                f.write(truth)
            with open(os.path.join(d, 'meta.json'), 'w', encoding='utf-8') as f:
                json.dump(meta, f, ensure_ascii=False, indent=1)
                f.write('\n')
            print(f'{name:40s} {len(raw):7d} bytes  {pages} pages', flush=True)
    bad = check_cases()
    table()
    sys.exit(1 if bad else 0)


if __name__ == '__main__':
    main()
