#include "vicapi/vim/folder.h"

namespace vic::vim {

Moref Folder::createFolder(const std::string& name) const {
  auto r = call("CreateFolder", {soap::el("name", name)});
  return Moref::from(r.at("returnval"));
}

Task Folder::createVM(const VmConfigSpec& config, const Moref& pool,
                      const std::optional<Moref>& host) const {
  std::vector<soap::Node> args{config.node("config"), pool.node("pool")};
  if (host) args.push_back(host->node("host"));
  return startTask("CreateVM_Task", std::move(args));
}

}  // namespace vic::vim
