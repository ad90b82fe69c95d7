#include "tests/bench/vch_population.h"

#include <atomic>
#include <thread>
#include <vector>

#include "vicapi/engine/actions/vsphere_actions.h"
#include "vicapi/engine/guestinfo/vch_config.h"
#include "vicapi/vim/folder.h"
#include "vicapi/vim/search_index.h"

namespace vic::bench {

namespace gi = vic::engine::guestinfo;

void populateVchs(vim::Client& client, const vim::Moref& model, int total) {
  const auto extra = engine::actions::readExtraConfig(client, model);
  const auto folder = *vim::SearchIndex(client).findByInventoryPath("/DC0/vm");
  const auto pool = *vim::SearchIndex(client).findByInventoryPath("/DC0/host/DC0_C0/Resources");
  std::atomic<int> next{1};
  std::vector<std::thread> workers;
  for (int w = 0; w < 4; ++w) {
    workers.emplace_back([&] {
      for (int i = next++; i < total; i = next++) {
        vim::VmConfigSpec spec;
        spec.name = "vch-" + std::to_string(i);
        spec.guestId = "otherGuest64";
        spec.vmPathName = "[LocalDS_0]";
        auto kv = extra;
        kv[gi::kIdKey] = gi::kCreatingId;
        kv["guestinfo.vice./config/name"] = "\"" + *spec.name + "\"";
        spec.extraConfig.assign(kv.begin(), kv.end());
        auto vm = vim::Moref::from(vim::Folder(client, folder).createVM(spec, pool).wait());
        engine::actions::setExtraConfig(client, vm, {{gi::kIdKey, vm.str()}});
      }
    });
  }
  for (auto& t : workers)
    t.join();
}

}  // namespace vic::bench
