#include "runtime/dunder.h"

namespace islet {
namespace {

constexpr std::string_view kTexts[] = {
#define ISLET_DUNDER_TEXT(enumerator, text) text,
    ISLET_DUNDERS(ISLET_DUNDER_TEXT)
#undef ISLET_DUNDER_TEXT
};

// Written by Initialize before any interpreter exists; read-only until Finalize.
constinit const Name* names[static_cast<size_t>(Dunder::kCount)] = {};

}  // namespace

const Name* DunderName(Dunder dunder) { return names[static_cast<size_t>(dunder)]; }
std::string_view DunderText(Dunder dunder) { return kTexts[static_cast<size_t>(dunder)]; }

void InternDunders(NameTable& table) {
  for (size_t i = 0; i < static_cast<size_t>(Dunder::kCount); ++i) {
    names[i] = table.Intern(kTexts[i]);
  }
}

void ForgetDunders() {
  for (const Name*& name : names) name = nullptr;
}

}  // namespace islet
