# Full Unicode case mappings (SpecialCasing included) with CPython's rules:
# no locale, final sigma decided by unicodeobject.c's context rule, titlecase
# digraphs. Characters chosen among those Unicode 15 and 16 agree on.

def show(text, method):
    print(ascii(text), method, ascii(getattr(text, method)()))

# One code point becoming several.
for text in ['\ufb03', '\xdf', '\u0149', '\u0390', '\u1f80', '\u1fb7', '\u0587', 'stra\xdfe']:
    for method in ['upper', 'lower', 'title', 'capitalize', 'swapcase', 'casefold']:
        show(text, method)
print(len('\ufb03'.upper()), len('\u0130'.lower()), len('\xdf'.casefold()))

# Titlecase digraphs, and characters only title() changes.
for text in ['\u01c4', '\u01c5', '\u01c6', '\u01c6a \u01c4B', '\u01f1\u01f2\u01f3', '\u0345']:
    for method in ['upper', 'lower', 'title', 'capitalize', 'swapcase']:
        show(text, method)

# Final sigma: a capital sigma after a cased letter and not before one,
# skipping case-ignorable characters (apostrophes, marks, modifier letters).
for text in ['\u03a3', 'A\u03a3', 'A\u03a3A', 'A\u03a3.', "A'\u03a3'", 'A\u03a3\u02b0',
             '\u02b0\u03a3', 'A\u03a3 \u03a3', '\u03a3\u03a3', 'A\u0301\u03a3\u0301',
             '\u039f\u0394\u03a5\u03a3\u03a3\u0395\u03a5\u03a3', 'x\u03a3y\u03a3 z\u03a3!']:
    for method in ['lower', 'title', 'capitalize', 'swapcase', 'casefold']:
        show(text, method)

# Other scripts and planes, and what is not a letter.
for text in ['\U00010428\U00010400', '\u13a0\uab70', '\u1e9e', '\u2160\u2170', '\u24b6\u24d0',
             '\xb5', '\u0130i\u0131I', '\u4e2d\u6587 1\u00bd \u20ac', '\U0001f600']:
    for method in ['upper', 'lower', 'title', 'swapcase', 'casefold']:
        show(text, method)

# Long inputs: expansions and sigma contexts stay linear.
big = '\ufb03' * 100000
print(len(big.upper()), big.upper()[:6], len(big.title()), big.title()[:6])
sigmas = ('A' + "'" * 1000 + '\u03a3') * 200
lowered = sigmas.lower()
print(len(lowered), lowered.count('\u03c2'), lowered.count('\u03c3'))
print(len(('\u03a3' * 100000).lower()), ('\u03a3' * 100000).lower().count('\u03c2'))
mixed = ('abc\u00e9\u03a3 ' * 20000)
print(mixed.upper() == ('ABC\u00c9\u03a3 ' * 20000), mixed.lower().count('\u03c2'))
print(len(('\u4e2d' * 100000).title()), ('\u01c6' * 3 + ' ') .title())
