#include "vicapi/engine/validate/context.h"

namespace vic::engine {

Issues checkBodyRules(const Vch& input, const ValidationOptions& options, ResolvedVch& out) {
  Issues issues;
  out = ResolvedVch{};
  out.vch = input;
  RuleContext c{options, issues, out};
  checkBasics(c);
  checkSecurity(c);
  checkRegistry(c);
  return issues;
}

}  // namespace vic::engine
