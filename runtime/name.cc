#include "runtime/name.h"

namespace islet {

const Name* NameTable::Intern(std::string_view text) {
  if (const Name* found = Find(text)) return found;
  if (names_ == nullptr) names_ = std::make_unique<std::deque<Name>>();
  const Name& name = names_->emplace_back(text);
  by_text_.emplace(name.text(), &name);
  return &name;
}

const Name* NameTable::Find(std::string_view text) const {
  auto it = by_text_.find(text);
  return it == by_text_.end() ? nullptr : it->second;
}

}  // namespace islet
