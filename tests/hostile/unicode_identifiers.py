# Identifiers (PEP 3131): XID_Start/XID_Continue characters, compared in their
# NFKC form, so that compatibility spellings name the same variable.

ﬁ = 1
print(fi, ﬁ)
fi = 2
print(ﬁ)

def ℌ(ª, *, ﬂ=2):
    return ª * 10 + ﬂ
print(H(1, fl=3), ℌ(a=4), ℌ(ª=5, ﬂ=6))

class Ｃｌａｓｓ:
    ｘ = 5
    def ｍｅｔｈｏｄ(self):
        return self.ｘ + 1
print(Class.x, Ｃｌａｓｓ.ｘ, Class.__name__, Class().method(), Ｃｌａｓｓ().ｍｅｔｈｏｄ())

é = 'composed'
print(é)  # the same name spelled e + U+0301
ǅ = 3
print(Dž, ǅ)
x١ = 4
Ⅷ = 8
print(x١, VIII, Ⅷ)
℘ = 'Weierstrass'
print(℘)
_ᐃ = 'canadian'
print(_ᐃ, 'ﬁ'.isidentifier(), '℘'.isidentifier(), '١x'.isidentifier())

import ｗｅａｋｒｅｆ
print(weakref.__name__)

class Holder:
    pass
h = Holder()
h.ﬃ = 'set through ﬃ'
print(h.ffi)
try:
    print(getattr(h, 'ﬃ'))
except AttributeError as e:
    print(type(e).__name__, e)
setattr(h, 'ﬄ', 'not normalized')
print(getattr(h, 'ﬄ'))
try:
    print(h.ﬄ)
except AttributeError as e:
    print(type(e).__name__, e)

for probe in ['ﬀ', 'ｌａｍｂｄａ']:
    try:
        if probe == 'ﬀ':
            print(ﬀ)
        else:
            print(ｌａｍｂｄａ)
    except NameError as e:
        print(type(e).__name__, e)
