#include "plugin-server/auth/credentials.h"

#include <Poco/Base64Decoder.h>

#include <sstream>

#include "plugin-server/http/http_error.h"

namespace vic::server {

Credentials credentialsOf(Exchange& ex) {
  Credentials c;
  if (const std::string ticket = ex.header("X-VMWARE-TICKET"); !ticket.empty()) {
    c.kind = Credentials::Kind::Ticket;
    c.ticket = Secret(ticket);
    return c;
  }
  if (const std::string token = ex.header("vmware-api-session-id"); !token.empty()) {
    c.kind = Credentials::Kind::Token;
    c.token = Secret(token);
    c.uiEndpoint = ex.header("vmware-api-ui-endpoint");
    return c;
  }
  const std::string auth = ex.header("Authorization");
  if (auth.empty())
    throw HttpError(
        401,
        "unauthenticated: send vSphere credentials with HTTP Basic authentication, a clone ticket "
        "in "
        "X-VMWARE-TICKET, or the vSphere Client's session token in vmware-api-session-id");
  if (auth.rfind("Basic ", 0) != 0)
    throw HttpError(
        401, "only Basic authentication, X-VMWARE-TICKET and vmware-api-session-id are accepted");
  std::istringstream in(auth.substr(6));
  Poco::Base64Decoder decoder(in);
  std::string decoded((std::istreambuf_iterator<char>(decoder)), std::istreambuf_iterator<char>());
  const auto colon = decoded.find(':');
  if (colon == std::string::npos)
    throw HttpError(401, "the Basic credentials are malformed (no colon)");
  c.user = decoded.substr(0, colon);
  c.password = Secret(decoded.substr(colon + 1));
  if (c.user.empty()) throw HttpError(401, "invalid credentials: a vSphere user must be given");
  return c;
}

}  // namespace vic::server
