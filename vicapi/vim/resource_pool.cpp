#include "vicapi/vim/resource_pool.h"

namespace vic::vim {

Moref ResourcePool::createResourcePool(const std::string& name,
                                       const ResourceConfigSpec& spec) const {
  auto r = call("CreateResourcePool", {soap::el("name", name), spec.node("spec")});
  return Moref::from(r.at("returnval"));
}

void ResourcePool::updateConfig(const std::optional<std::string>& name,
                                const std::optional<ResourceConfigSpec>& spec) const {
  std::vector<soap::Node> args;
  if (name) args.push_back(soap::el("name", *name));
  if (spec) args.push_back(spec->node("config"));
  call("UpdateConfig", std::move(args));
}

Moref ResourcePool::createVApp(const std::string& name, const ResourceConfigSpec& spec,
                               const std::optional<Moref>& vmFolder) const {
  std::vector<soap::Node> args{soap::el("name", name), spec.node("resSpec"),
                               soap::Node("configSpec")};
  if (vmFolder) args.push_back(vmFolder->node("vmFolder"));
  auto r = call("CreateVApp", std::move(args));
  return Moref::from(r.at("returnval"));
}

}  // namespace vic::vim
