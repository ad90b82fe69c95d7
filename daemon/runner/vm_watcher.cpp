#include "daemon/runner/vm_watcher.h"

#include "vicapi/engine/guestinfo/vch_config.h"
#include "vicapi/util/log.h"
#include "vicapi/vim/option_values.h"

namespace vic::endpoint {

VmWatcher::VmWatcher(vim::Client& client)
    : view_(std::make_unique<vim::ContainerView>(client, client.serviceContent().rootFolder,
                                                 std::vector<std::string>{"VirtualMachine"})),
      watch_(std::make_unique<vim::UpdateWatch>(
          client,
          std::vector<vim::PropertySpec>{
              {"VirtualMachine", {"runtime.powerState", "config.extraConfig"}}},
          std::vector<vim::ObjectSpec>{view_->objectSpec()})) {}

VmWatcher::~VmWatcher() = default;

bool VmWatcher::next(std::map<vim::Moref, WatchedVm>& vms, int maxWaitSeconds) {
  return watch_->next(maxWaitSeconds, [&](const vim::ObjectUpdate& u) {
    if (u.left) {
      vms.erase(u.obj);
      return;
    }
    auto& w = vms[u.obj];
    for (const auto& [name, val] : u.changes) {
      if (name == "runtime.powerState") w.powerState = val ? val->text : "";
      if (name == "config.extraConfig")
        w.extraConfig = val ? vim::fromOptionValues(*val) : vim::OptionValues{};
    }
  });
}

}  // namespace vic::endpoint
