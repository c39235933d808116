# int() and float() read any Unicode decimal digit (category Nd) and strip
# Unicode whitespace, as CPython does; everything else is CPython's error,
# which shows the text as it was given.

def attempt(name, function, *args):
    shown = ascii(args) if len(ascii(args)) < 100 else 'a text of ' + str(len(args[0]))
    try:
        result = function(*args)
        print(name, shown, ascii(result) if len(ascii(result)) < 100 else 'a number')
    except Exception as e:
        print(name, shown, type(e).__name__, ascii(str(e))[:120], len(str(e)))

texts = ['\u0663', ' \u2003\u0661\u0662 ', '\u0661_\u0662', '+\u0663', '-\u09e7\u09e8\u09e9',
         '\U0001d7ce\U0001d7cf', '\uff11\uff12', '\u0e51\u0e52', '\u0661.\u0665', '\u0663e\u0661',
         '\x855\u3000', '1\xa0', '\u20035', '\x1c5', '5\x1f', '\x7f5', '\u200b5', '\xb2', '\xbd',
         '\u2167', '\u4e03', '12a\u0663', '\u0663\u20ac5', '0x\u0661\u0662', 'inf\u2003',
         '\u2003nan', '-\u0661\u0660e-\u0662', '1_\u2003', '', ' ', '\u2003']
for text in texts:
    attempt('int', int, text)
    attempt('float', float, text)
attempt('int', int, '\u0661\u0662', 16)
attempt('int', int, '\u0663', 0)
attempt('int', int, '\u0660\u0663', 0)
attempt('int', int, '\u0663x', 0)
attempt('int', int, '\u0661\u0660\u0661', 2)
attempt('int', int, '\uff46\uff46', 16)
attempt('float.fromhex', float.fromhex, '\u20030x1p0')
attempt('float.fromhex', float.fromhex, ' 0x1p0\n')
attempt('float.fromhex', float.fromhex, '\x1c0x1p0')
attempt('int', int, b'\x1c12')
attempt('float', float, b'\x1c1.5')
attempt('int', int, b' 12\n')

# Long texts: the digit limit counts Unicode digits too, and the message
# shows at most 200 characters of the text.
attempt('int', int, '\u0667' * 4300)
print(int('\u0667' * 4300) == int('7' * 4300))
attempt('int', int, '\u0667' * 4301)
attempt('int', int, '\u0667' * 300 + '\u20ac')
print(float('\u0669' * 400) == float('9' * 400))
