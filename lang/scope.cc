#include "lang/scope.h"

#include <algorithm>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "runtime/stack_limit.h"
#include "runtime/str_cat.h"

namespace islet::lang {
namespace {

using Kind = ScopeInfo::Kind;
constexpr const char* kClassCellName = "__class__";

// What the first pass learns about one scope.
struct Scope {
  ScopeInfo* info = nullptr;
  Scope* parent = nullptr;
  std::vector<Scope*> children;
  std::vector<std::string> parameters;  // in order
  std::set<std::string> bound;          // bound here (parameters included)
  std::set<std::string> reads;
  std::set<std::string> globals;
  std::set<std::string> nonlocals;
  std::map<std::string, Location> nonlocal_locations;
  std::vector<Name*> names;  // every Name node directly in this scope
  // Pass two: names read here or below and not bound here (candidates for free).
  std::set<std::string> wanted;
  std::set<std::string> locals;
  std::set<std::string> free;  // resolved free variables
  std::set<std::string> cells;

  bool IsFunctionLike() const {
    return info->kind == Kind::kFunction || info->kind == Kind::kComprehension;
  }
};

class Resolver {
 public:
  std::optional<SyntaxErrorInfo> Run(Module& module) {
    module.scope = std::make_shared<ScopeInfo>();
    module_info_ = module.scope.get();
    Scope* top = NewScope(module_info_, Kind::kModule, nullptr, "");
    VisitBody(top, module.body);
    if (error_) return error_;
    CollectWanted(top);
    Assign(top, {});
    return error_;
  }

 private:
  // The closest enclosing function scope binding each name.
  using Environment = std::map<std::string, Scope*>;

  Scope* NewScope(ScopeInfo* info, Kind kind, Scope* parent, std::string qualname) {
    info->kind = kind;
    info->qualname = std::move(qualname);
    info->name =
        kind == Kind::kModule ? "<module>" : info->qualname.substr(info->qualname.rfind('.') + 1);
    scopes_.push_back(std::make_unique<Scope>());
    Scope* scope = scopes_.back().get();
    scope->info = info;
    scope->parent = parent;
    if (parent) parent->children.push_back(scope);
    return scope;
  }

  // Qualified name of a def or class named `name` inside `scope` (CPython's rule).
  static std::string QualName(const Scope* scope, const std::string& name) {
    switch (scope->info->kind) {
      case Kind::kModule:
        return name;
      case Kind::kClass:
        return scope->info->qualname + "." + name;
      default:
        return scope->info->qualname + ".<locals>." + name;
    }
  }

  void Fail(std::string message, Location location) {
    if (error_) return;
    error_.emplace();
    error_->message = std::move(message);
    error_->line = location.line;
    error_->column = location.column;
  }

  int Identifier(const std::string& text) {
    auto [it, inserted] =
        identifier_index_.try_emplace(text, static_cast<int>(identifier_index_.size()));
    if (inserted) module_info_->identifiers.push_back(text);
    return it->second;
  }

  // --- Pass one: what each scope binds and reads ---

  void VisitBody(Scope* scope, Body& body) {
    for (StmtPtr& stmt : body) VisitStmt(scope, *stmt);
  }

  void Bind(Scope* scope, const std::string& name) { scope->bound.insert(name); }

  void VisitTarget(Scope* scope, Expr& target) { VisitExpr(scope, target, /*store=*/true); }

  void VisitLoopBody(Scope* scope, Body& body) {
    ++loop_depth_;
    VisitBody(scope, body);
    --loop_depth_;
  }

  void VisitStmt(Scope* scope, Stmt& stmt) {
    std::visit([&](auto& node) { Visit(scope, stmt, node); }, stmt.node);
  }

  void Visit(Scope* scope, Stmt&, ExprStmt& node) { VisitExpr(scope, *node.value); }
  void Visit(Scope* scope, Stmt&, Assign& node) {
    VisitExpr(scope, *node.value);
    for (ExprPtr& target : node.targets) VisitTarget(scope, *target);
  }
  void Visit(Scope* scope, Stmt&, AugAssign& node) {
    VisitExpr(scope, *node.value);
    VisitExpr(scope, *node.target);  // read, then written
    VisitTarget(scope, *node.target);
  }
  void Visit(Scope* scope, Stmt&, Delete& node) {
    for (ExprPtr& target : node.targets) VisitTarget(scope, *target);
  }
  void Visit(Scope*, Stmt&, Pass&) {}
  void Visit(Scope*, Stmt& stmt, Break&) {
    if (loop_depth_ == 0) Fail("'break' outside loop", stmt.location);
  }
  void Visit(Scope*, Stmt& stmt, Continue&) {
    if (loop_depth_ == 0) Fail("'continue' not properly in loop", stmt.location);
  }
  void Visit(Scope* scope, Stmt&, If& node) {
    VisitExpr(scope, *node.test);
    VisitBody(scope, node.body);
    VisitBody(scope, node.orelse);
  }
  void Visit(Scope* scope, Stmt&, While& node) {
    VisitExpr(scope, *node.test);
    VisitLoopBody(scope, node.body);
    VisitBody(scope, node.orelse);
  }
  void Visit(Scope* scope, Stmt&, For& node) {
    VisitExpr(scope, *node.iter);
    VisitTarget(scope, *node.target);
    VisitLoopBody(scope, node.body);
    VisitBody(scope, node.orelse);
  }
  void Visit(Scope* scope, Stmt&, FunctionDef& node) {
    for (ExprPtr& decorator : node.decorators) VisitExpr(scope, *decorator);
    node.scope = std::make_shared<ScopeInfo>();
    Scope* inner = NewScope(node.scope.get(), Kind::kFunction, scope, QualName(scope, node.name));
    VisitFunction(scope, inner, node.params, [&] { VisitBody(inner, node.body); });
    Bind(scope, node.name);
  }
  void Visit(Scope* scope, Stmt& stmt, Return& node) {
    if (!scope->IsFunctionLike()) Fail("'return' outside function", stmt.location);
    if (node.value) VisitExpr(scope, *node.value);
  }
  void Visit(Scope* scope, Stmt&, ClassDef& node) {
    for (ExprPtr& decorator : node.decorators) VisitExpr(scope, *decorator);
    for (ExprPtr& base : node.bases) VisitExpr(scope, *base);
    for (Keyword& keyword : node.keywords) VisitKeyword(scope, keyword);
    node.scope = std::make_shared<ScopeInfo>();
    Scope* inner = NewScope(node.scope.get(), Kind::kClass, scope, QualName(scope, node.name));
    int saved_loops = std::exchange(loop_depth_, 0);
    VisitBody(inner, node.body);
    loop_depth_ = saved_loops;
    Bind(scope, node.name);
  }
  void Visit(Scope* scope, Stmt&, Try& node) {
    VisitBody(scope, node.body);
    for (ExceptHandler& handler : node.handlers) {
      if (handler.type) VisitExpr(scope, *handler.type);
      if (!handler.name.empty()) Bind(scope, handler.name);
      VisitBody(scope, handler.body);
    }
    VisitBody(scope, node.orelse);
    VisitBody(scope, node.finalbody);
  }
  void Visit(Scope* scope, Stmt&, Raise& node) {
    if (node.exc) VisitExpr(scope, *node.exc);
    if (node.cause) VisitExpr(scope, *node.cause);
  }
  void Visit(Scope* scope, Stmt&, Assert& node) {
    VisitExpr(scope, *node.test);
    if (node.msg) VisitExpr(scope, *node.msg);
  }
  // CPython's complaints about a `global` or `nonlocal` declaration of `name`
  // that comes too late or contradicts another.
  bool CheckDeclaration(Scope* scope, const std::string& name, std::string_view kind,
                        Location location) {
    const std::string quoted = "name '" + name + "' is ";
    if (std::find(scope->parameters.begin(), scope->parameters.end(), name) !=
        scope->parameters.end()) {
      Fail(quoted + "parameter and " + std::string(kind), location);
    } else if (scope->globals.count(name) || scope->nonlocals.count(name)) {
      if (scope->globals.count(name) != (kind == "global"))
        Fail(quoted + "nonlocal and global", location);
    } else if (scope->bound.count(name)) {
      Fail(quoted + "assigned to before " + std::string(kind) + " declaration", location);
    } else if (scope->reads.count(name)) {
      Fail(quoted + "used prior to " + std::string(kind) + " declaration", location);
    }
    return !error_;
  }

  void Visit(Scope* scope, Stmt& stmt, Global& node) {
    for (const std::string& name : node.names) {
      if (!CheckDeclaration(scope, name, "global", stmt.location)) return;
      scope->globals.insert(name);
      Identifier(name);
    }
  }
  void Visit(Scope* scope, Stmt& stmt, Nonlocal& node) {
    if (scope->info->kind == Kind::kModule) {
      Fail("nonlocal declaration not allowed at module level", stmt.location);
      return;
    }
    for (const std::string& name : node.names) {
      if (!CheckDeclaration(scope, name, "nonlocal", stmt.location)) return;
      scope->nonlocals.insert(name);
      scope->nonlocal_locations.emplace(name, stmt.location);
    }
  }
  void Visit(Scope* scope, Stmt&, Import& node) {
    for (const Alias& alias : node.names) {
      Bind(scope, alias.asname.empty() ? alias.name.substr(0, alias.name.find('.')) : alias.asname);
    }
  }
  void Visit(Scope* scope, Stmt&, ImportFrom& node) {
    for (const Alias& alias : node.names)
      Bind(scope, alias.asname.empty() ? alias.name : alias.asname);
  }

  template <typename F>
  void VisitFunction(Scope* outer, Scope* inner, Parameters& params, F visit_body) {
    for (Parameter& p : params.positional) {
      if (p.default_value) VisitExpr(outer, *p.default_value);
    }
    for (Parameter& p : params.keyword_only) {
      if (p.default_value) VisitExpr(outer, *p.default_value);
    }
    auto add = [&](const std::string& name) {
      inner->parameters.push_back(name);
      Bind(inner, name);
    };
    for (Parameter& p : params.positional) add(p.name);
    if (!params.vararg.empty()) add(params.vararg);
    for (Parameter& p : params.keyword_only) add(p.name);
    if (!params.kwarg.empty()) add(params.kwarg);
    int saved_loops = std::exchange(loop_depth_, 0);
    visit_body();
    loop_depth_ = saved_loops;
  }

  void VisitKeyword(Scope* scope, Keyword& keyword) {
    if (!keyword.arg.empty()) keyword.identifier = Identifier(keyword.arg);
    VisitExpr(scope, *keyword.value);
  }

  void VisitExpr(Scope* scope, Expr& expr, bool store = false) {
    // Expressions nest; the tallest the parser allows need more stack than a
    // host thread's small one may have left.
    if (StackExhausted()) [[unlikely]] {
      if (error_) return;
      Fail(StrCat("Stack overflow (used ", StackBytesUsed() / 1024, " kB) during compilation"),
           expr.location);
      error_->kind = SyntaxErrorInfo::Kind::kCompilerStackOverflow;
      return;
    }
    if (auto* name = std::get_if<Name>(&expr.node)) {
      scope->names.push_back(name);
      if (store) {
        Bind(scope, name->id);
      } else {
        scope->reads.insert(name->id);
        if (name->id == "super" && scope->IsFunctionLike()) {
          scope->reads.insert(kClassCellName);
        }
      }
      return;
    }
    std::visit([&](auto& node) { VisitNode(scope, node, store); }, expr.node);
  }
  void VisitAll(Scope* scope, std::vector<ExprPtr>& exprs, bool store = false) {
    for (ExprPtr& expr : exprs) {
      if (expr) VisitExpr(scope, *expr, store);
    }
  }

  void VisitNode(Scope*, Name&, bool) {}
  void VisitNode(Scope*, Constant&, bool) {}
  void VisitNode(Scope* scope, JoinedStr& node, bool) { VisitAll(scope, node.values); }
  void VisitNode(Scope* scope, FormattedValue& node, bool) {
    VisitExpr(scope, *node.value);
    if (node.format_spec) VisitExpr(scope, *node.format_spec);
  }
  void VisitNode(Scope* scope, Tuple& node, bool store) { VisitAll(scope, node.elts, store); }
  void VisitNode(Scope* scope, List& node, bool store) { VisitAll(scope, node.elts, store); }
  void VisitNode(Scope* scope, Set& node, bool) { VisitAll(scope, node.elts); }
  void VisitNode(Scope* scope, Dict& node, bool) {
    VisitAll(scope, node.keys);
    VisitAll(scope, node.values);
  }
  void VisitNode(Scope* scope, Starred& node, bool store) { VisitExpr(scope, *node.value, store); }
  void VisitNode(Scope* scope, ComprehensionExpr& node, bool) {
    // The first iterable is evaluated in the enclosing scope; the rest inside.
    VisitExpr(scope, *node.generators.front().iter);
    static constexpr const char* kNames[] = {"<listcomp>", "<setcomp>", "<genexpr>", "<dictcomp>"};
    node.scope = std::make_shared<ScopeInfo>();
    Scope* inner = NewScope(node.scope.get(), Kind::kComprehension, scope,
                            QualName(scope, kNames[static_cast<int>(node.kind)]));
    inner->parameters.push_back(".0");  // the iterator of the first clause
    Bind(inner, ".0");
    int saved_loops = std::exchange(loop_depth_, 0);
    for (size_t i = 0; i < node.generators.size(); ++i) {
      Comprehension& clause = node.generators[i];
      if (i > 0) VisitExpr(inner, *clause.iter);
      VisitTarget(inner, *clause.target);
      VisitAll(inner, clause.ifs);
    }
    VisitExpr(inner, *node.elt);
    if (node.value) VisitExpr(inner, *node.value);
    loop_depth_ = saved_loops;
  }
  void VisitNode(Scope* scope, Attribute& node, bool) {
    node.identifier = Identifier(node.attr);
    VisitExpr(scope, *node.value);
  }
  void VisitNode(Scope* scope, Subscript& node, bool) {
    VisitExpr(scope, *node.value);
    VisitExpr(scope, *node.slice);
  }
  void VisitNode(Scope* scope, Slice& node, bool) {
    if (node.lower) VisitExpr(scope, *node.lower);
    if (node.upper) VisitExpr(scope, *node.upper);
    if (node.step) VisitExpr(scope, *node.step);
  }
  void VisitNode(Scope* scope, Call& node, bool) {
    VisitExpr(scope, *node.func);
    VisitAll(scope, node.args);
    for (Keyword& keyword : node.keywords) VisitKeyword(scope, keyword);
  }
  void VisitNode(Scope* scope, BinOp& node, bool) {
    VisitExpr(scope, *node.left);
    VisitExpr(scope, *node.right);
  }
  void VisitNode(Scope* scope, UnaryOp& node, bool) { VisitExpr(scope, *node.operand); }
  void VisitNode(Scope* scope, BoolOp& node, bool) { VisitAll(scope, node.values); }
  void VisitNode(Scope* scope, Compare& node, bool) {
    VisitExpr(scope, *node.left);
    VisitAll(scope, node.comparators);
  }
  void VisitNode(Scope* scope, IfExp& node, bool) {
    VisitExpr(scope, *node.test);
    VisitExpr(scope, *node.body);
    VisitExpr(scope, *node.orelse);
  }
  void VisitNode(Scope* scope, Lambda& node, bool) {
    node.scope = std::make_shared<ScopeInfo>();
    Scope* inner = NewScope(node.scope.get(), Kind::kFunction, scope, QualName(scope, "<lambda>"));
    VisitFunction(scope, inner, node.params, [&] { VisitExpr(inner, *node.body); });
  }

  // --- Pass two: where each name lives ---

  // Bottom-up: the names each scope (or a scope inside it) reads without
  // binding: the candidates for free variables.
  void CollectWanted(Scope* scope) {
    for (Scope* child : scope->children) CollectWanted(child);
    const Kind kind = scope->info->kind;
    if (kind == Kind::kModule) return;
    const bool function_like = scope->IsFunctionLike();
    if (function_like) {
      for (const std::string& name : scope->bound) {
        if (!scope->globals.count(name) && !scope->nonlocals.count(name))
          scope->locals.insert(name);
      }
    }
    auto want = [&](const std::string& name, bool from_child) {
      // A class body's `global` covers its own statements, not its methods.
      if (scope->globals.count(name) && (function_like || !from_child)) return;
      if (function_like) {
        if (!scope->locals.count(name)) scope->wanted.insert(name);
        return;
      }
      // A class body: its own names are not visible to the scopes inside it,
      // and it provides `__class__` to them.
      if (from_child ? name != kClassCellName : !scope->bound.count(name))
        scope->wanted.insert(name);
    };
    for (const std::string& name : scope->reads) want(name, false);
    for (const std::string& name : scope->nonlocals) scope->wanted.insert(name);
    for (Scope* child : scope->children) {
      for (const std::string& name : child->wanted) want(name, true);
    }
  }

  // Top-down: `environment` maps each name to the closest enclosing function
  // scope binding it (and `__class__` to the closest class).
  void Assign(Scope* scope, Environment environment) {
    ScopeInfo& info = *scope->info;
    Kind kind = info.kind;
    if (kind != Kind::kModule) {
      for (const std::string& name : scope->wanted) {
        if (environment.count(name)) scope->free.insert(name);
      }
    }
    for (const std::string& name : scope->nonlocals) {
      if (!scope->free.count(name)) {
        Fail("no binding for nonlocal '" + name + "' found", scope->nonlocal_locations[name]);
      }
    }
    Environment inner = environment;
    if (scope->IsFunctionLike()) {
      for (const std::string& name : scope->globals) inner.erase(name);
    }
    if (scope->IsFunctionLike()) {
      for (const std::string& name : scope->locals) inner[name] = scope;
    } else if (kind == Kind::kClass) {
      inner[kClassCellName] = scope;
    }
    for (Scope* child : scope->children) Assign(child, inner);
    // Locals that an inner scope captures become cells.
    for (Scope* child : scope->children) {
      for (const std::string& name : child->free) {
        if (scope->locals.count(name) || (kind == Kind::kClass && name == kClassCellName)) {
          scope->cells.insert(name);
        }
      }
    }
    AssignSlots(scope);
    for (Scope* child : scope->children) AssignFreeSources(scope, child);
  }

  void AssignSlots(Scope* scope) {
    ScopeInfo& info = *scope->info;
    std::map<std::string, NameSlot> slots;
    for (const std::string& name : scope->cells) {
      slots[name] = {NameKind::kCell, static_cast<int>(info.cell_names.size())};
      info.cell_names.push_back(name);
    }
    // Parameters first, in order, so a call fills slots 0..n-1.
    auto add_local = [&](const std::string& name) {
      if (slots.count(name) || scope->free.count(name)) return;
      slots[name] = {NameKind::kLocal, info.local_count++};
      info.local_names.push_back(name);
    };
    for (const std::string& name : scope->parameters) add_local(name);
    for (const std::string& name : scope->locals) add_local(name);
    for (const std::string& name : scope->free) {
      if (slots.count(name)) continue;
      slots[name] = {NameKind::kFree, static_cast<int>(info.free_names.size())};
      info.free_names.push_back(name);
    }
    if (info.kind == Kind::kClass) {
      auto it = slots.find(kClassCellName);
      info.class_cell =
          it != slots.end() && it->second.kind == NameKind::kCell ? it->second.slot : -1;
    } else {
      auto it = slots.find(kClassCellName);
      info.class_cell =
          it != slots.end() && it->second.kind == NameKind::kFree ? it->second.slot : -1;
    }
    for (const std::string& name : scope->parameters) info.parameter_slots.push_back(slots[name]);
    auto slot_of = [&](const std::string& name) -> NameSlot {
      auto it = slots.find(name);
      if (it != slots.end()) {
        // A class body binds into its namespace even when a method captures the
        // enclosing function's variable of the same name (unless it is nonlocal).
        if (!(info.kind == Kind::kClass && it->second.kind == NameKind::kFree &&
              scope->bound.count(name) && !scope->nonlocals.count(name))) {
          return it->second;
        }
      }
      if (scope->globals.count(name) || info.kind == Kind::kModule) {
        return {NameKind::kGlobal, Identifier(name)};
      }
      if (info.kind == Kind::kClass) return {NameKind::kClassBody, Identifier(name)};
      return {NameKind::kGlobal, Identifier(name)};
    };
    for (Name* name : scope->names) {
      NameSlot slot = slot_of(name->id);
      name->kind = slot.kind;
      name->slot = slot.slot;
    }
    for (const std::string& name : scope->bound) info.bindings[name] = slot_of(name);
    for (const std::string& name : scope->globals) info.bindings[name] = slot_of(name);
  }

  // Where the frame of `parent` finds each free variable of `child`.
  static void AssignFreeSources(Scope* parent, Scope* child) {
    const ScopeInfo& outer = *parent->info;
    for (const std::string& name : child->info->free_names) {
      NameSlot source;
      for (size_t i = 0; i < outer.cell_names.size(); ++i) {
        if (outer.cell_names[i] == name) source = {NameKind::kCell, static_cast<int>(i)};
      }
      if (source.slot < 0) {
        for (size_t i = 0; i < outer.free_names.size(); ++i) {
          if (outer.free_names[i] == name) source = {NameKind::kFree, static_cast<int>(i)};
        }
      }
      child->info->free_sources.push_back(source);
    }
  }

  std::vector<std::unique_ptr<Scope>> scopes_;
  ScopeInfo* module_info_ = nullptr;
  std::map<std::string, int> identifier_index_;
  int loop_depth_ = 0;
  std::optional<SyntaxErrorInfo> error_;
};

}  // namespace

std::optional<SyntaxErrorInfo> Resolve(Module& module) { return Resolver().Run(module); }

}  // namespace islet::lang
