#pragma once

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "vicapi/soap/transport.h"
#include "vicapi/vim/moref.h"

namespace vic::test {

// A SOAP transport with no server behind it, for tests below vcsim: each
// method is answered by a script, every call is recorded, and any single
// call can be made to fail, so that a failure lands exactly where a test
// wants it (the third call inside a step, say).
class FakeTransport : public soap::Transport {
 public:
  // Builds the answer's return value from the request element.
  using Answer = std::function<soap::Node(const soap::Node& request)>;

  // RetrieveServiceContent, Login, Logout and CurrentTime are answered from
  // the start; everything else must be scripted with on().
  FakeTransport();

  void on(const std::string& method, Answer answer);
  // The n-th call from now (1 = the next) runs `fail` instead of its answer;
  // `fail` throws what the test wants the caller to meet.
  void failCall(std::size_t n, std::function<void()> fail);

  // Method names of every call so far, in order; the shared log outlives the
  // transport (a client that owns it logs out as it is destroyed).
  std::vector<std::string> methods() const;
  std::shared_ptr<const std::vector<std::string>> callLog() const { return calls_; }
  std::size_t callCount() const;

  // A task reference whose info, read by vim::Task, says it succeeded with
  // `result` (or failed with fault `faultType` when that is given).
  vim::Moref finishedTask(soap::Node result = soap::Node(), std::string faultType = {});
  // A task that stays running for as long as the test likes.
  vim::Moref runningTask();

  soap::Node call(const soap::Node& request, bool sensitiveResponse = false,
                  const ResponseCheck& check = {}) override;
  soap::Node callStreamed(const soap::Node& request, const std::vector<std::string>& path,
                          const std::function<void(soap::Node&&)>& onElement) override;
  void upload(const std::string& pathAndQuery, std::istream& body, std::uint64_t length) override;
  void download(const std::string& pathAndQuery, std::ostream& out,
                std::uint64_t maxBytes = UINT64_MAX) override;
  Secret sessionCookie() const override;
  void setSessionCookie(Secret cookie) override;
  const net::Endpoint& endpoint() const override { return endpoint_; }
  std::uint64_t roundTrips() const override { return callCount(); }
  std::uint64_t soapCalls() const override { return callCount(); }
  std::uint64_t connectionsOpened() const override { return 0; }

 private:
  struct TaskState {
    soap::Node result;
    std::string faultType;
    bool running = false;
  };
  soap::Node answerTaskInfo(const soap::Node& request);

  mutable std::mutex mutex_;
  std::map<std::string, Answer> answers_;
  std::map<std::size_t, std::function<void()>> failures_;  // by call number
  std::shared_ptr<std::vector<std::string>> calls_ = std::make_shared<std::vector<std::string>>();
  std::map<std::string, TaskState> tasks_;
  Secret cookie_;
  net::Endpoint endpoint_;
};

}  // namespace vic::test
