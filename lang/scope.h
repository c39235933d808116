// Name resolution: decides, once per parsed module, where every name lives, so
// running code never searches scopes by string.
//
// Python's rules (a subset of CPython's symtable): a name bound in a function
// (assigned, a parameter, def/class/import/for/except target) is local to it
// unless declared `global` or `nonlocal`; a name only read there is looked up
// in the enclosing functions (class bodies are skipped), else in globals and
// builtins. A local that an inner function reads becomes a *cell*, shared with
// that function's *free* variable. Class bodies bind into their namespace dict.
// Methods that mention `super` get an implicit free variable `__class__`,
// which the class body's cell holds once the class exists.
//
//   std::optional<SyntaxErrorInfo> error = Resolve(*module);  // fills the tree

#ifndef ISLET_LANG_SCOPE_H_
#define ISLET_LANG_SCOPE_H_

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "lang/ast.h"
#include "lang/parser.h"

namespace islet::lang {

// Where one name of a scope lives.
struct NameSlot {
  NameKind kind = NameKind::kGlobal;
  int slot = -1;  // as Name::slot
};

struct ScopeInfo {
  enum class Kind : uint8_t { kModule, kFunction, kClass, kComprehension };
  Kind kind = Kind::kModule;
  std::string qualname;  // "f", "C.method", "f.<locals>.g", "<lambda>", "<listcomp>"
  std::string name;      // the last part of qualname; "<module>" for a module

  int local_count = 0;                   // kLocal slots
  std::vector<std::string> cell_names;   // kCell slots, by index
  std::vector<std::string> local_names;  // kLocal slots, by index (for error messages)
  // The free variables, by index, and where the frame creating this scope's
  // function finds each: one of its own cells, or one of its free variables.
  std::vector<std::string> free_names;
  std::vector<NameSlot> free_sources;  // kind kCell or kFree, in the parent frame
  // Parameters in order (positional, *args, keyword-only, **kwargs): their slots.
  std::vector<NameSlot> parameter_slots;
  // Where each name bound by a statement (def, class, import, except ... as,
  // global) lives; Name nodes carry their own.
  std::unordered_map<std::string, NameSlot> bindings;
  // Index into free_names of the implicit `__class__` (methods using super()),
  // or -1; for a class body, the cell index of `__class__`, or -1.
  int class_cell = -1;
  // Module only: every identifier used as a global, class-body name, attribute
  // or keyword, by index (Name::slot, Attribute::identifier, Keyword::identifier).
  std::vector<std::string> identifiers;

  // Where `name`, bound by a statement in this scope, lives.
  NameSlot BindingOf(const std::string& name) const {
    auto it = bindings.find(name);
    return it == bindings.end() ? NameSlot{} : it->second;
  }
};

// Resolves every name in `module`, attaching a ScopeInfo to it and to each
// function, lambda, class and comprehension. Returns a SyntaxError for misuse
// the parser cannot see: 'return' outside function, 'break' outside loop,
// 'continue' not properly in loop, "no binding for nonlocal 'x' found", "name
// 'x' is used prior to global declaration", "name 'x' is parameter and global".
std::optional<SyntaxErrorInfo> Resolve(Module& module);

}  // namespace islet::lang

#endif  // ISLET_LANG_SCOPE_H_
