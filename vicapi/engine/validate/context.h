#pragma once

#include "vicapi/engine/validate/validator.h"
#include "vicapi/vim/finder.h"

namespace vic::engine {

// Shared by the rule files; each adds issues and fills its part of `out`.
struct ValidationContext {
  vim::Client& client;
  vim::Finder finder;
  const ValidationOptions& options;
  Issues& issues;
  ResolvedVch& out;

  const vim::Inventory& inv() { return finder.inventory(); }
  Vch& vch() { return out.vch; }
};

void checkBasics(ValidationContext& c);
void checkCompute(ValidationContext& c);
void checkNameTaken(ValidationContext& c);
void checkStorage(ValidationContext& c);
void checkNetworks(ValidationContext& c);
void checkSecurity(ValidationContext& c);
void checkRegistry(ValidationContext& c);
void checkOperationsUser(ValidationContext& c);
void checkHosts(ValidationContext& c);

// Characters the original refused in names and labels.
bool hasForbiddenCharacter(const std::string& s, char* which);

}  // namespace vic::engine
