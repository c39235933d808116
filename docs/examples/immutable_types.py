# Builtin types are shared by every interpreter, so no interpreter may change
# them. Classes a program makes are its own and can change.
from concurrent import interpreters


def attempt(what, action):
    try:
        action()
        print(what, "-> allowed")
    except (TypeError, AttributeError) as e:
        print(what, "->", type(e).__name__ + ":", e)


def set_int_attribute():
    int.answer = 42


def write_str_dict():
    str.__dict__["upper"] = None


attempt("int.answer = 42", set_int_attribute)
attempt("del list.append", lambda: delattr(list, "append"))
attempt("str.__dict__['upper'] = None", write_str_dict)


class Answer(int):
    pass


Answer.answer = 42
print("a class of our own:", Answer.answer, Answer(7).answer, Answer(7) + 1)

other = interpreters.create()
other.exec("print('another interpreter:', hasattr(int, 'answer'), 'upper' in str.__dict__)")
other.close()
