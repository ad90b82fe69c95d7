#include "plugin-server/auth/token_exchange.h"

#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <nlohmann/json.hpp>

#include "vicapi/base/error.h"
#include "vicapi/net/bounded_read.h"
#include "vicapi/net/connection_pool.h"
#include "vicapi/net/errors.h"
#include "vicapi/util/bounded_json.h"

namespace vic::server {

namespace {
// A clone ticket and its JSON wrapping are well under a KiB.
constexpr std::size_t kMaxAnswer = 64 * 1024;
}  // namespace

net::Endpoint vsphereClientEndpoint(const net::Endpoint& target, const std::string& given) {
  if (given.empty()) return target;
  net::Endpoint e;
  try {
    e = net::Endpoint::parse(given);
  } catch (const UsageError& err) {
    throw Error(ErrorCode::InvalidArgument, std::string("vmware-api-ui-endpoint: ") + err.what());
  }
  if (e.host != target.host)
    throw Error(ErrorCode::InvalidArgument,
                "vmware-api-ui-endpoint names " + e.host + ", not the target " + target.host +
                    "; a session token is only sent to its own vCenter");
  return e;
}

Secret cloneTicketForToken(const net::Endpoint& vsphereClient, const tls::Trust& trust,
                           const Secret& token, const std::string& vcenterGuid) {
  const std::string body = nlohmann::json{{"vc_guid", vcenterGuid}}.dump();
  int status = 0;
  std::string answer;
  try {
    net::ConnectionPool pool(vsphereClient, trust,
                             net::Timeouts{std::chrono::seconds(10), std::chrono::seconds(30)}, 1);
    pool.run([&](Poco::Net::HTTPSClientSession& session) {
      Poco::Net::HTTPRequest req(Poco::Net::HTTPRequest::HTTP_POST,
                                 "/api/ui/vcenter/session/clone-ticket",
                                 Poco::Net::HTTPMessage::HTTP_1_1);
      req.set("vmware-api-session-id", token.reveal());
      req.setContentType("application/json");
      req.setContentLength(static_cast<std::streamsize>(body.size()));
      session.sendRequest(req) << body;
      Poco::Net::HTTPResponse resp;
      std::istream& in = session.receiveResponse(resp);
      answer.clear();
      status = resp.getStatus();
      if (!net::readUpTo(in, kMaxAnswer, answer))
        throw Error(ErrorCode::Unavailable,
                    "the vSphere Client's answer to the clone-ticket request is larger "
                    "than any clone ticket");
    });
  } catch (const TransportError& e) {
    throw Error(ErrorCode::Unavailable,
                std::string("the vSphere Client at ") + vsphereClient.hostPort() +
                    " could not be reached to check the session token: " + e.what());
  }
  if (status == 401 || status == 403)
    throw Error(
        ErrorCode::Unauthenticated,
        "the vSphere Client refused the session token; sign in to the vSphere Client again");
  if (status != 200)
    throw Error(ErrorCode::Unavailable, "the vSphere Client answered HTTP " +
                                            std::to_string(status) +
                                            " when asked for a clone ticket");
  try {
    auto j = parseJson(answer);
    const std::string ticket = j.at("session_clone_ticket").get<std::string>();
    if (!ticket.empty()) return Secret(ticket);
  } catch (const nlohmann::json::exception&) {
  } catch (const BadJson&) {
  }
  throw Error(ErrorCode::Unavailable, "the vSphere Client's answer holds no session_clone_ticket");
}

}  // namespace vic::server
