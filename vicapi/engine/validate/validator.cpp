#include "vicapi/engine/validate/validator.h"

#include "vicapi/base/error.h"
#include "vicapi/engine/validate/context.h"

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

// Every reference by both id and name, as inspect returns them: a name as
// it was given (so that the body it came from still compares equal), else
// the object's inventory path or, for a network, its name.
void nameTheReferences(ValidationContext& c) {
  auto fill = [&](ObjectRef& ref, const vim::Moref& m, const std::string& name) {
    ref.id = m.value;
    if (ref.name.empty()) ref.name = name;
  };
  Vch& v = c.vch();
  fill(v.compute.resource, c.out.computeResource, c.inv().path(c.out.computeResource));
  auto network = [&](auto& role, const char* key) {
    auto it = c.out.roles.find(key);
    if (role && it != c.out.roles.end()) fill(role->portGroup, it->second.ref, it->second.name);
  };
  network(v.network.bridge, "bridge");
  network(v.network.publicNet, "public");
  network(v.network.client, "client");
  network(v.network.management, "management");
  for (auto& cn : v.network.container)
    if (auto it = c.out.containerNetworks.find(cn.alias); it != c.out.containerNetworks.end())
      fill(cn.portGroup, it->second.ref, it->second.name);
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
  if (issues.empty()) nameTheReferences(c);
  return issues;
}

}  // namespace vic::engine
