#include "plugin-server/http/error_mapping.h"

#include "plugin-server/http/http_error.h"
#include "vicapi/engine/errors.h"
#include "vicapi/engine/model/vch_json.h"
#include "vicapi/engine/plan/plan.h"
#include "vicapi/soap/errors.h"
#include "vicapi/soap/fault.h"

namespace vic::server {

namespace {

ErrorReply make(int status, const std::string& message) {
  return {status, {{"message", message}}};
}

}  // namespace

ErrorReply replyFor(const std::exception_ptr& error) {
  try {
    std::rethrow_exception(error);
  } catch (const HttpError& e) {
    ErrorReply r = make(e.status(), e.what());
    for (auto it = e.extra().begin(); it != e.extra().end(); ++it)
      r.body[it.key()] = it.value();
    return r;
  } catch (const engine::InvalidSpecification& e) {
    bool conflict = false;
    bool wrongType = false;
    for (const auto& i : e.issues().list()) {
      conflict |= i.code == "conflict";
      wrongType |= i.code == engine::kWrongType;
    }
    // As the 1.5 (go-openapi) server: a value of the wrong JSON type is 400,
    // a value of the right type that breaks the schema 422.
    ErrorReply r = make(wrongType ? 400 : e.schema() ? 422 : conflict ? 409 : 400, e.what());
    r.body["issues"] = engine::issuesToJson(e.issues());
    return r;
  } catch (const engine::ConflictError& e) {
    return make(409, e.what());
  } catch (const InvalidLoginFault& e) {
    return make(401, "vCenter refused the credentials (" + e.faultType() +
                         "); check the user name and password");
  } catch (const NotAuthenticatedFault&) {
    return make(401, "the vSphere session is no longer valid; authenticate again");
  } catch (const NoPermissionFault& e) {
    return make(403, e.what());
  } catch (const ManagedObjectNotFoundFault& e) {
    return make(404, e.what());
  } catch (const NotFoundError& e) {
    return make(404, e.what());
  } catch (const UsageError& e) {
    return make(400, e.what());
  } catch (const TlsError& e) {
    return make(400, e.what());
  } catch (const TransportError& e) {
    return make(502, std::string("the target could not be reached: ") + e.what());
  } catch (const ProtocolError& e) {
    // What the target sent was not vSphere's: broken, or not a vCenter at all.
    return make(502, std::string("the target's answer could not be used: ") + e.what());
  } catch (const std::exception& e) {
    return make(500, e.what());
  } catch (...) {
    return make(500, "unexpected error");
  }
}

}  // namespace vic::server
