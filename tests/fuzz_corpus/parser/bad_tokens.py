x = 'unterminated
y = 012
z = 1abc
