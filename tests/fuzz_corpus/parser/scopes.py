def outer():
    x = 1
    def inner():
        nonlocal x
        global y
        x += 1
    assert x, "message"
    return inner
