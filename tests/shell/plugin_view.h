#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "tests/shell/reverse_proxy.h"
#include "vicapi/vim/client.h"

namespace vic::shell {

// What the vSphere Client makes of the com.vmware.vic registration, read
// afresh each time as vsphere-ui does: the remote plug-in's manifest (fetched
// from the manifest server, pinned to its registered thumbprint), the views
// and actions it declares, and its back-end servers, each given a proxied
// address. Also the inventory the shell lists.
class PluginView {
 public:
  PluginView(vim::Client& admin, ReverseProxy& proxy, std::string origin);

  // {"plugin": {...} or null, "backends": [...], "inventory": [...], "vcGuid": ...}
  nlohmann::json state();

 private:
  nlohmann::json plugin();
  nlohmann::json inventory();

  vim::Client& admin_;
  ReverseProxy& proxy_;
  std::string origin_;  // "https://127.0.0.1:PORT"
};

}  // namespace vic::shell
