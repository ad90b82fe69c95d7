#pragma once

#include <optional>
#include <string>

#include "plugin-server/httpd/exchange.h"
#include "vicapi/util/secret.h"

namespace vic::server {

// How a caller proves who it is: vSphere credentials over HTTP Basic; a
// vCenter clone ticket in X-VMWARE-TICKET (what the 1.5 plug-in sent); or the
// vSphere Client's session token in vmware-api-session-id (what a remote
// plug-in's UI sends), which the server exchanges for a clone ticket at the
// vSphere Client. Either way the server acts in vCenter as that caller.
struct Credentials {
  enum class Kind { Basic, Ticket, Token };
  Kind kind = Kind::Basic;
  std::string user;        // Basic only
  Secret password;         // Basic only
  Secret ticket;           // Ticket only
  Secret token;            // Token only
  std::string uiEndpoint;  // Token only: vmware-api-ui-endpoint, where the vSphere Client answers;
                           // may be empty
};

// The headers credentials come in.
struct CredentialHeaders {
  std::string ticket;         // X-VMWARE-TICKET
  std::string token;          // vmware-api-session-id
  std::string uiEndpoint;     // vmware-api-ui-endpoint
  std::string authorization;  // Authorization
};

// Reads them from the headers; an Unauthenticated error with a message when there are
// none or they are malformed. A ticket wins over a token, and a token over
// Basic, so the result never depends on chance as the original's did.
Credentials parseCredentials(const CredentialHeaders& headers);
Credentials credentialsOf(Exchange& ex);

}  // namespace vic::server
