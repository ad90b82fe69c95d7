#include "daemon/runner/vm_watcher.h"

#include "vicapi/engine/guestinfo/vch_config.h"
#include "vicapi/util/log.h"
#include "vicapi/vim/property_collector.h"

namespace vic::endpoint {

VmWatcher::VmWatcher(vim::Client& client) : client_(client) {
  auto made = client_.invoke("CreatePropertyCollector", client_.serviceContent().propertyCollector);
  collector_ = vim::Moref::from(made.at("returnval"));
  view_ = std::make_unique<vim::ContainerView>(client_, client_.serviceContent().rootFolder,
                                               std::vector<std::string>{"VirtualMachine"});
  client_.invoke("CreateFilter", collector_,
                 {vim::PropertyCollector::specNode(
                      {{"VirtualMachine", {"runtime.powerState", "config.extraConfig"}}},
                      {view_->objectSpec()}, "spec"),
                  soap::boolEl("partialUpdates", false)});
}

VmWatcher::~VmWatcher() {
  try {
    client_.invoke("DestroyPropertyCollector", collector_);
  } catch (const std::exception& e) {
    logger()->debug("DestroyPropertyCollector failed: {}", e.what());
  }
}

bool VmWatcher::next(std::map<vim::Moref, WatchedVm>& vms, int maxWaitSeconds) {
  auto r = client_.invoke("WaitForUpdatesEx", collector_,
                          {soap::el("version", version_),
                           soap::el("options", {soap::intEl("maxWaitSeconds", maxWaitSeconds)})});
  const soap::Node* set = r.find("returnval");
  if (!set) return false;
  version_ = set->textOf("version");
  bool changed = false;
  for (const auto* filter : set->all("filterSet")) {
    for (const auto* obj : filter->all("objectSet")) {
      const auto* ref = obj->find("obj");
      if (!ref) continue;
      const auto vm = vim::Moref::from(*ref);
      changed = true;
      if (obj->textOf("kind") == "leave") {
        vms.erase(vm);
        continue;
      }
      auto& w = vms[vm];
      for (const auto* change : obj->all("changeSet")) {
        const std::string name = change->textOf("name");
        const soap::Node* val = change->find("val");
        if (name == "runtime.powerState") w.powerState = val ? val->text : "";
        if (name == "config.extraConfig")
          w.extraConfig =
              val ? engine::guestinfo::fromOptionValues(*val) : engine::guestinfo::KeyValues{};
      }
    }
  }
  return changed;
}

}  // namespace vic::endpoint
