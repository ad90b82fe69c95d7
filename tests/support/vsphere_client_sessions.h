#pragma once

#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "vicapi/sim/simulator.h"
#include "vicapi/vim/client.h"

namespace Poco::Net {
class HTTPServerRequest;
class HTTPServerResponse;
}  // namespace Poco::Net

namespace vic::test {

// What the vSphere Client (vsphere-ui) keeps for plug-ins: signed-in users'
// vCenter sessions, each known to plug-in views by a session token, and the
// exchange of a token for a clone ticket of that session.
class VsphereClientSessions {
 public:
  explicit VsphereClientSessions(const sim::Simulator& vcenter) : vcenter_(vcenter) {}

  // Signs a user in to vCenter; returns the session token.
  std::string signIn(const std::string& user, const std::string& password);
  void signOut(const std::string& token);

  enum class Refusal { None, UnknownToken, WrongVcenter };
  struct Answer {
    Refusal refusal = Refusal::None;
    std::string ticket;
  };
  // POST /api/ui/vcenter/session/clone-ticket, as a plug-in server calls it.
  Answer cloneTicket(const std::string& token, const std::string& vcGuid);
  // The same, over HTTP: reads the request, writes the JSON answer.
  void answerCloneTicket(Poco::Net::HTTPServerRequest& req, Poco::Net::HTTPServerResponse& res);
  std::string vcenterGuid();
  int ticketsIssued() const { return tickets_.load(); }

 private:
  const sim::Simulator& vcenter_;
  std::mutex mutex_;
  std::map<std::string, std::unique_ptr<vim::Client>> sessions_;
  std::atomic<int> tickets_{0};
};

}  // namespace vic::test
