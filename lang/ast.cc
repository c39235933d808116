#include "lang/ast.h"

#include <utility>

namespace islet::lang {
namespace {

// The child through which a left-associative chain continues, or null.
ExprPtr* ChainLink(Expr& expr) {
  if (auto* node = std::get_if<BinOp>(&expr.node)) return &node->left;
  if (auto* node = std::get_if<Attribute>(&expr.node)) return &node->value;
  if (auto* node = std::get_if<Subscript>(&expr.node)) return &node->value;
  if (auto* node = std::get_if<Call>(&expr.node)) return &node->func;
  if (auto* node = std::get_if<UnaryOp>(&expr.node)) return &node->operand;
  return nullptr;
}

}  // namespace

// Each link is detached from the next before it is freed, so freeing it does
// not recurse down the chain.
Expr::~Expr() {
  ExprPtr* link = ChainLink(*this);
  if (link == nullptr) return;
  ExprPtr next = std::move(*link);
  while (next) {
    ExprPtr* inner = ChainLink(*next);
    next = inner != nullptr ? std::move(*inner) : nullptr;
  }
}

}  // namespace islet::lang
