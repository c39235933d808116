import a.b as c, d
from e.f import (g, h as i)
from . import j
from k import *
