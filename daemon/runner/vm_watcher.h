#pragma once

#include <functional>
#include <map>
#include <memory>
#include <string>

#include "vicapi/engine/guestinfo/flatten.h"
#include "vicapi/vim/client.h"
#include "vicapi/vim/moref.h"
#include "vicapi/vim/update_watch.h"
#include "vicapi/vim/view.h"

namespace vic::endpoint {

// What the runner knows of one VM.
struct WatchedVm {
  std::string powerState;
  engine::guestinfo::KeyValues extraConfig;
};

// Follows every VM of a vCenter with WaitForUpdatesEx on a filter over a
// container view: the first round lists them all, later rounds only what
// changed, and a round returns as soon as anything changes (or after
// `maxWaitSeconds` with nothing).
class VmWatcher {
 public:
  explicit VmWatcher(vim::Client& client);
  ~VmWatcher();

  // Applies the next round of changes to `vms` (VMs that left are erased);
  // returns whether anything changed.
  bool next(std::map<vim::Moref, WatchedVm>& vms, int maxWaitSeconds);

 private:
  // The view first: the watch's filter selects through it.
  std::unique_ptr<vim::ContainerView> view_;
  std::unique_ptr<vim::UpdateWatch> watch_;
};

}  // namespace vic::endpoint
