a = 'single' "double" '''triple
line''' r'\raw'
b = b'\x00bytes' rb'\d'
u = u'\u20ac \U0001F600 \101 \x41'
