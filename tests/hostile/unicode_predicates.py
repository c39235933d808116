# str's predicates, whitespace and line boundaries, and repr()/ascii() of
# non-printable characters, with CPython's definitions over the Unicode
# database. Characters chosen among those Unicode 15 and 16 agree on.

samples = [
    'abc', 'ABC', 'Abc', '\xe9t\xe9', '\u0e01\u0e02', '\u4e2d\u6587', '\u02b0', '\xaa',
    '\u01c5', '\u01c5a', '\u01c5A', 'A\u01c5', '\u2160', '\u24d0', 'a\u0301', '\u0301',
    '0123', '\u0663\u0664', '\U0001d7ce', '\xb2', '\u2460', '\xbd', '\u2167', '\u4e03',
    '\u3007', '\U00010107', '\u20ac', '\U0001f600', '_', '\u2003', '\x85\u3000\x1f',
    '\u200b', '\u180e', '\xa0', '\xad', '\u0378', '\ue000', '\U000e0001', '\u2028',
    '\u2118x', '\u309b', '\u0661', 'x\u0661', '_\xb7', '\ufb01', 'a\u20ac', '\u212e',
    'a b', 'a\u2003b', '',
]
methods = ['isalpha', 'isdecimal', 'isdigit', 'isnumeric', 'isalnum', 'isspace', 'isupper',
           'islower', 'istitle', 'isprintable', 'isidentifier']
for text in samples:
    print(ascii(text), ''.join('1' if getattr(text, m)() else '0' for m in methods))

# Every code point below U+0800 (Latin, Greek, Cyrillic, Armenian, Hebrew,
# Arabic, Syriac, Thaana, N'Ko, Samaritan), tallied per predicate; but U+019B
# and U+0264, to which Unicode 16 gave capitals.
block = ''.join(chr(c) for c in range(0x800) if c not in (0x19b, 0x264))
for m in methods:
    print(m, sum(1 for ch in block if getattr(ch, m)()))
print('upper', sum(1 for ch in block if ch.upper() != ch), 'lower',
      sum(1 for ch in block if ch.lower() != ch), 'fold',
      sum(1 for ch in block if ch.casefold() != ch))

# Whitespace: split() and strip() use Unicode's, splitlines() Python's list.
print(ascii('\u2003a\u3000b\x85c\u200bd\xa0e\u1680f\x1cg'.split()))
print(ascii(' \u2003x\u3000 '.strip()), ascii('\u2003x\u3000'.rstrip()),
      ascii('\u2003x\u3000'.lstrip()))
print(ascii('a\u2003b\u2003c'.rsplit(None, 1)), ascii('a\u2003b\u2003c'.split(None, 1)))
print(ascii('a\x0bb\x0cc\x1cd\x1de\x1ef\x85g\u2028h\u2029i\x1fj\u2003k'.splitlines()))
print(ascii('a\u2029b\r\nc\x85'.splitlines(True)))

# repr() keeps printable characters and escapes the rest; ascii() escapes all.
text = '\xe9\xa0\xad\u2028\u200b\U0001f600\u0378\ue000\U000e0001\u4e2d\u0301\x85\u3000\ufeff'
print(repr(text))
print(ascii(text))
print(repr(['\u0300', '\u200d', '\U0001f1fa\U0001f1f8', '\ufffd', '\uffff', '\U0010ffff']))
