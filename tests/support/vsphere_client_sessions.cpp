#include "tests/support/vsphere_client_sessions.h"

#include <unistd.h>

#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/StreamCopier.h>
#include <nlohmann/json.hpp>

namespace vic::test {

std::string VsphereClientSessions::signIn(const std::string& user, const std::string& password) {
  static std::atomic<unsigned long> counter{0};
  auto client =
      std::make_unique<vim::Client>(vcenter_.endpoint(), tls::Trust::pin(vcenter_.thumbprint()));
  client->login(user, Secret(password));
  const std::string token =
      "ui-session-" + std::to_string(::getpid()) + "-" + std::to_string(++counter);
  std::lock_guard lock(mutex_);
  sessions_[token] = std::move(client);
  return token;
}

void VsphereClientSessions::signOut(const std::string& token) {
  std::lock_guard lock(mutex_);
  sessions_.erase(token);
}

std::string VsphereClientSessions::vcenterGuid() {
  vim::Client anonymous(vcenter_.endpoint(), tls::Trust::pin(vcenter_.thumbprint()));
  return anonymous.serviceContent().about.instanceUuid;
}

VsphereClientSessions::Answer VsphereClientSessions::cloneTicket(const std::string& token,
                                                                 const std::string& vcGuid) {
  std::lock_guard lock(mutex_);
  auto it = sessions_.find(token);
  if (it == sessions_.end()) return {Refusal::UnknownToken, ""};
  if (vcGuid != it->second->serviceContent().about.instanceUuid) return {Refusal::WrongVcenter, ""};
  ++tickets_;
  return {Refusal::None, it->second->acquireCloneTicket().reveal()};
}

void VsphereClientSessions::answerCloneTicket(Poco::Net::HTTPServerRequest& req,
                                              Poco::Net::HTTPServerResponse& res) {
  std::string body;
  Poco::StreamCopier::copyToString(req.stream(), body);
  auto answer = [&](Poco::Net::HTTPResponse::HTTPStatus status, const nlohmann::json& j) {
    const std::string text = j.dump();
    res.setStatus(status);
    res.setContentType("application/json");
    res.setContentLength(static_cast<std::streamsize>(text.size()));
    res.send() << text;
  };
  const nlohmann::json request = nlohmann::json::parse(body, nullptr, false);
  const std::string guid =
      request.is_object() ? request.value("vc_guid", std::string()) : std::string();
  const auto result = cloneTicket(req.get("vmware-api-session-id", ""), guid);
  switch (result.refusal) {
    case Refusal::UnknownToken:
      return answer(Poco::Net::HTTPResponse::HTTP_UNAUTHORIZED, {{"message", "unknown session"}});
    case Refusal::WrongVcenter:
      return answer(Poco::Net::HTTPResponse::HTTP_BAD_REQUEST,
                    {{"message", "unknown vCenter " + guid}});
    case Refusal::None:
      break;
  }
  answer(Poco::Net::HTTPResponse::HTTP_OK, {{"session_clone_ticket", result.ticket}});
}

}  // namespace vic::test
