// endpoint.operations_credentials: who the VCH acts as, proven by a login.
#include "vicapi/engine/validate/context.h"
#include "vicapi/soap/fault.h"
#include "vicapi/version/version.h"
#include "vicapi/vim/client.h"

namespace vic::engine {

void checkOperationsUser(ValidationContext& c) {
  auto& e = c.vch().endpoint;
  const std::string base = "endpoint.operations_credentials";
  if (!e.operationsCredentials) {
    if (!c.options.fallbackOperations) {
      c.issues.add(
          base,
          "are required: the request was authenticated with a session ticket, so there is no "
          "password the VCH could use (Unable to use nil password from administrative user for "
          "operations user); give a user and password");
      return;
    }
    e.operationsCredentials = *c.options.fallbackOperations;
  }
  auto& ops = *e.operationsCredentials;
  bool complete = true;
  if (ops.user.empty()) {
    c.issues.add(base + ".user", "is required: the vSphere user the VCH acts as");
    complete = false;
  }
  if (ops.password.empty()) {
    c.issues.add(base + ".password", "is required");
    complete = false;
  }
  if (!complete) return;
  // A real login, as the original did, so that a typo is caught now rather
  // than when the endpoint first needs vCenter.
  try {
    vim::ClientOptions o;
    o.transport.userAgent = "vic-validator/" + version::current().semver();
    o.transport.maxConnections = 1;
    vim::Client probe(c.client.endpoint(), c.options.trust, o);
    probe.login(ops.user, ops.password);
  } catch (const InvalidLoginFault&) {
    c.issues.add(base,
                 "Failed to validate operations credentials: vCenter refused the login of \"" +
                     ops.user + "\"; check the user name and password");
  } catch (const std::exception& ex) {
    c.issues.add(base, "Failed to validate operations credentials: the login of \"" + ops.user +
                           "\" could not be tested: " + std::string(ex.what()));
  }
}

}  // namespace vic::engine
