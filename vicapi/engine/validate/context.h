#pragma once

#include "vicapi/engine/validate/validator.h"
#include "vicapi/vim/finder.h"

namespace vic::engine {

// What the rules that need nothing but the body share; each adds issues and
// fills its part of `out`.
struct RuleContext {
  const ValidationOptions& options;
  Issues& issues;
  ResolvedVch& out;

  Vch& vch() { return out.vch; }
};

// The rules that look things up in vCenter share its client too.
struct ValidationContext : RuleContext {
  vim::Client& client;
  vim::Finder finder;

  const vim::Inventory& inv() { return finder.inventory(); }
};

// Rules of the body alone.
void checkBasics(RuleContext& c);
void checkSecurity(RuleContext& c);
void checkRegistry(RuleContext& c);
// Rules that ask vCenter.
void checkCompute(ValidationContext& c);
void checkNameTaken(ValidationContext& c);
void checkStorage(ValidationContext& c);
void checkNetworks(ValidationContext& c);
void checkOperationsUser(ValidationContext& c);
void checkHosts(ValidationContext& c);

// Characters the original refused in names and labels.
bool hasForbiddenCharacter(const std::string& s, char* which);

}  // namespace vic::engine
