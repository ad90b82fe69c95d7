#include "vicapi/engine/validate/validator.h"

#include "vicapi/engine/validate/context.h"
#include "vicapi/soap/errors.h"

namespace vic::engine {

namespace {

// Without a usable compute resource, datastores and networks can still be
// checked when the datacenter is known: the request's, or the only one.
void fallBackToDatacenter(ValidationContext& c) {
  std::optional<vim::Moref> dc = c.options.datacenter;
  if (!dc) {
    auto all = c.inv().ofType("Datacenter");
    if (all.size() == 1) dc = all.front()->ref;
  }
  if (!dc) return;
  c.out.datacenter = *dc;
  c.out.datacenterPath = c.inv().path(*dc);
  for (const auto* child : c.inv().children(*dc))
    if (child->isType("Folder") && child->name == "vm") c.out.vmFolder = child->ref;
}

}  // namespace

Issues validateVch(vim::Client& client, const Vch& input, const ValidationOptions& options,
                   ResolvedVch& out) {
  Issues issues;
  out = ResolvedVch{};
  out.vch = input;
  ValidationContext c{{options, issues, out}, client, vim::Finder(client)};
  checkBasics(c);
  checkCompute(c);
  if (out.datacenter.empty()) fallBackToDatacenter(c);
  if (!out.datacenter.empty()) {
    checkNameTaken(c);
    checkStorage(c);
    checkNetworks(c);
  }
  checkSecurity(c);
  checkRegistry(c);
  checkOperationsUser(c);
  if (!out.owner.empty()) checkHosts(c);
  return issues;
}

}  // namespace vic::engine
