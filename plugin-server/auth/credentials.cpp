#include "plugin-server/auth/credentials.h"

#include <Poco/Base64Decoder.h>

#include <sstream>

#include "vicapi/base/error.h"

namespace vic::server {

Credentials credentialsOf(Exchange& ex) {
  return parseCredentials({ex.header("X-VMWARE-TICKET"), ex.header("vmware-api-session-id"),
                           ex.header("vmware-api-ui-endpoint"), ex.header("Authorization")});
}

Credentials parseCredentials(const CredentialHeaders& h) {
  Credentials c;
  if (!h.ticket.empty()) {
    c.kind = Credentials::Kind::Ticket;
    c.ticket = Secret(h.ticket);
    return c;
  }
  if (!h.token.empty()) {
    c.kind = Credentials::Kind::Token;
    c.token = Secret(h.token);
    c.uiEndpoint = h.uiEndpoint;
    return c;
  }
  const std::string& auth = h.authorization;
  if (auth.empty())
    throw Error(
        ErrorCode::Unauthenticated,
        "unauthenticated: send vSphere credentials with HTTP Basic authentication, a clone ticket "
        "in "
        "X-VMWARE-TICKET, or the vSphere Client's session token in vmware-api-session-id");
  if (auth.rfind("Basic ", 0) != 0)
    throw Error(
        ErrorCode::Unauthenticated,
        "only Basic authentication, X-VMWARE-TICKET and vmware-api-session-id are accepted");
  std::istringstream in(auth.substr(6));
  Poco::Base64Decoder decoder(in);
  // The stream turns the decoder's complaint about a bad character into badbit.
  std::string decoded;
  char chunk[256];
  while (decoder.read(chunk, sizeof chunk), decoder.gcount() > 0)
    decoded.append(chunk, static_cast<std::size_t>(decoder.gcount()));
  if (decoder.bad())
    throw Error(ErrorCode::Unauthenticated, "the Basic credentials are not base64");
  const auto colon = decoded.find(':');
  if (colon == std::string::npos)
    throw Error(ErrorCode::Unauthenticated, "the Basic credentials are malformed (no colon)");
  c.user = decoded.substr(0, colon);
  c.password = Secret(decoded.substr(colon + 1));
  if (c.user.empty())
    throw Error(ErrorCode::Unauthenticated, "invalid credentials: a vSphere user must be given");
  return c;
}

}  // namespace vic::server
