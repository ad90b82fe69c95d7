#pragma once

#include <chrono>
#include <filesystem>
#include <map>
#include <set>
#include <string>

#include "daemon/runner/vm_watcher.h"
#include "vicapi/util/child_process.h"
#include "vicapi/vim/client.h"

namespace vic::endpoint {

// Plays the part of each VCH endpoint VM's guest for the demo and the tests:
// for every powered-on VCH it runs a vic-endpoint on a loopback address of
// its own with the VM's extraConfig as its guestinfo, and reports that
// address as the VM's guest IP, as VMware Tools would. A VCH powered off or
// deleted loses its daemon; a daemon that exits is started again.
class EndpointSupervisor {
 public:
  struct Options {
    std::filesystem::path endpointBinary;
    std::filesystem::path stateDir;
    int firstAddress = 2;  // 127.0.0.<firstAddress> is the first one handed out
    int portalPort = 2378;
  };
  EndpointSupervisor(vim::Client& client, Options options);
  ~EndpointSupervisor();

  void reconcile(const std::map<vim::Moref, WatchedVm>& vms);
  void stopAll();

 private:
  struct Running {
    ChildProcess process;
    std::string address;
    std::string guestinfo;  // what it was started with
    int failures = 0;
    std::chrono::steady_clock::time_point retryAt{};
  };
  bool start(const vim::Moref& vm, const WatchedVm& w, Running& slot);
  std::string chooseAddress(const engine::guestinfo::KeyValues& keys) const;
  void publish(const vim::Moref& vm, const std::string& address);

  vim::Client& client_;
  Options options_;
  std::map<vim::Moref, Running> running_;
};

// The loopback addresses (127.0.0.0/8) a PEM certificate names in its
// subjectAltName, so a daemon can listen where its certificate is valid.
std::set<std::string> loopbackAddressesOf(const std::string& certificatePem);

}  // namespace vic::endpoint
