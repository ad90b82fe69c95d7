#include "vicapi/engine/containers.h"

#include <algorithm>
#include <map>

#include "vicapi/engine/guestinfo/vch_config.h"
#include "vicapi/vim/view.h"

namespace vic::engine {

namespace gi = guestinfo;

std::vector<ContainerItem> listContainers(vim::Client& client,
                                          const std::optional<vim::Moref>& datacenter) {
  const vim::Moref root = datacenter ? *datacenter : client.serviceContent().rootFolder;
  std::vector<ContainerItem> out;
  std::map<std::string, std::string> vchNames;  // endpoint VM value -> VCH name
  vim::retrieveEachFromContainer(
      client, root,
      {{"VirtualMachine",
        {"name", "runtime.powerState", "config.extraConfig", "summary.quickStats.guestMemoryUsage",
         "summary.quickStats.overallCpuUsage", "summary.storage.committed"}}},
      [&](vim::ObjectContent&& o) {
        const auto* ec = o.prop("config.extraConfig");
        if (!ec) return;
        std::map<std::string, std::string> keys;
        for (const auto& opt : ec->children) {
          std::string key = opt.textOf("key");
          if (key == gi::kIdKey || key.rfind("guestinfo.vice./container/", 0) == 0 ||
              key == std::string(gi::kConfigPrefix) + "/name")
            keys[key] = opt.textOf("value");
        }
        if (auto id = keys.find(gi::kIdKey); id != keys.end() && id->second == o.obj.str()) {
          // A VCH: remember its name for its containers. The name is stored as
          // JSON text.
          std::string name = keys[std::string(gi::kConfigPrefix) + "/name"];
          if (name.size() >= 2 && name.front() == '"') name = name.substr(1, name.size() - 2);
          vchNames[o.obj.value] = name.empty() ? o.text("name") : name;
          return;
        }
        auto vch = keys.find(kContainerVchKey);
        if (vch == keys.end()) return;
        ContainerItem c;
        c.id = o.obj.value;
        c.vmName = o.text("name");
        c.name = keys.count(kContainerNameKey) ? keys[kContainerNameKey] : c.vmName;
        c.powerState = o.text("runtime.powerState");
        auto number = [&](const char* path) {
          try {
            return std::stoll(o.text(path, "0"));
          } catch (const std::exception&) {
            return 0LL;
          }
        };
        c.memoryMB = number("summary.quickStats.guestMemoryUsage");
        c.cpuMHz = number("summary.quickStats.overallCpuUsage");
        c.storageBytes = number("summary.storage.committed");
        c.image = keys[kContainerImageKey];
        c.ports = keys[kContainerPortsKey];
        const std::string ref = vch->second;
        c.vchId = ref.substr(ref.find(':') + 1);
        out.push_back(std::move(c));
      });
  for (auto& c : out)
    c.vchName = vchNames.count(c.vchId) ? vchNames[c.vchId] : std::string();
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
  return out;
}

}  // namespace vic::engine
