x = 1
y = x + 2 * 3 - -4 ** 2
print(x, y)
