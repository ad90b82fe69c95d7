#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "tests/shell/plugin_view.h"
#include "tests/shell/reverse_proxy.h"
#include "tests/support/vsphere_client_sessions.h"

namespace Poco::Net {
class HTTPServer;
}

namespace vic::shell {

// The test shell's HTTPS front end, on the vCenter's host with the
// vCenter's certificate as vsphere-ui is: the shell page, the plug-in SDK
// for its frames, the session-token exchange, the state of the plug-in
// registration, and the proxy to plug-in servers.
class ShellServer {
 public:
  ShellServer(const sim::Simulator& vcenter, vim::Client& admin,
              test::VsphereClientSessions& sessions, std::string user, std::string token,
              const std::string& listen);
  ~ShellServer();

  std::string url() const;  // "https://127.0.0.1:PORT"

 private:
  class Handler;
  test::VsphereClientSessions& sessions_;
  ReverseProxy proxy_;
  std::unique_ptr<PluginView> view_;
  std::string user_;
  std::string token_;
  std::string origin_;
  std::unique_ptr<Poco::Net::HTTPServer> server_;
};

}  // namespace vic::shell
