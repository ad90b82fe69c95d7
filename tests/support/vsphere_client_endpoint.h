#pragma once

#include <memory>
#include <string>

#include "tests/support/vsphere_client_sessions.h"

namespace Poco::Net {
class HTTPServer;
}

namespace vic::test {

// The part of the vSphere Client (vsphere-ui) a remote plug-in's server
// talks to, over a simulated vCenter: it holds signed-in users' vCenter
// sessions, gives each a session token (what htmlClientSdk's
// getSessionInfo() hands the plug-in's UI), and answers
// POST /api/ui/vcenter/session/clone-ticket (header vmware-api-session-id,
// body {"vc_guid": ...}) with {"session_clone_ticket": ...} by asking vCenter
// for a clone ticket of that user's session. It listens on the simulator's
// host with the simulator's certificate, as vCenter's front end does.
class VsphereClientEndpoint {
 public:
  explicit VsphereClientEndpoint(const sim::Simulator& vcenter);
  ~VsphereClientEndpoint();

  // Signs a user in to vCenter; returns the session token.
  std::string signIn(const std::string& user, const std::string& password) {
    return sessions_.signIn(user, password);
  }
  void signOut(const std::string& token) { sessions_.signOut(token); }

  std::string url() const;  // "https://127.0.0.1:PORT"
  int ticketsIssued() const { return sessions_.ticketsIssued(); }

 private:
  class Handler;
  const sim::Simulator& vcenter_;
  VsphereClientSessions sessions_;
  std::unique_ptr<Poco::Net::HTTPServer> server_;
  unsigned short port_ = 0;
};

}  // namespace vic::test
