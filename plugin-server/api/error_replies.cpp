#include "plugin-server/api/error_replies.h"

#include "vicapi/engine/errors.h"
#include "vicapi/engine/model/vch_json.h"
#include "vicapi/soap/fault.h"

namespace vic::server {

namespace {

ErrorReply make(int status, const std::string& message) {
  return {status, {{"message", message}}};
}

}  // namespace

int statusFor(ErrorCode code) {
  switch (code) {
    case ErrorCode::InvalidArgument:
      return 400;
    case ErrorCode::NotFound:
      return 404;
    case ErrorCode::AlreadyExists:
      return 409;
    case ErrorCode::FailedPrecondition:
      return 409;
    case ErrorCode::Unauthenticated:
      return 401;
    case ErrorCode::PermissionDenied:
      return 403;
    // This server stands between the client and vCenter: one that cannot be
    // reached, or answers nonsense, is a bad gateway.
    case ErrorCode::Unavailable:
      return 502;
    case ErrorCode::Cancelled:
      return 503;
    case ErrorCode::Internal:
      return 500;
  }
  return 500;
}

ErrorReply replyFor(const std::exception_ptr& error) {
  try {
    std::rethrow_exception(error);
  } catch (const HttpError& e) {
    ErrorReply r = make(e.status(), e.what());
    for (auto it = e.extra().begin(); it != e.extra().end(); ++it)
      r.body[it.key()] = it.value();
    return r;
  } catch (const engine::InvalidSpecification& e) {
    // As the 1.5 (go-openapi) server: a value of the wrong JSON type is 400,
    // a value of the right type that breaks the schema 422.
    const bool wrongType = e.issues().has(engine::IssueCode::WrongType);
    ErrorReply r = make(wrongType ? 400 : e.schema() ? 422 : statusFor(e.code()), e.what());
    r.body["issues"] = engine::issuesToJson(e.issues());
    return r;
  } catch (const InvalidLoginFault& e) {
    return make(statusFor(e.code()), "vCenter refused the credentials (" + e.faultType() +
                                         "); check the user name and password");
  } catch (const NotAuthenticatedFault& e) {
    return make(statusFor(e.code()), "the vSphere session is no longer valid; authenticate again");
  } catch (const TransportError& e) {
    if (e.code() != ErrorCode::Unavailable) return make(statusFor(e.code()), e.what());
    return make(statusFor(e.code()), std::string("the target could not be reached: ") + e.what());
  } catch (const ProtocolError& e) {
    // What the target sent was not vSphere's: broken, or not a vCenter at all.
    return make(statusFor(e.code()),
                std::string("the target's answer could not be used: ") + e.what());
  } catch (const Error& e) {
    return make(statusFor(e.code()), e.what());
  } catch (const std::exception& e) {
    return make(500, e.what());
  } catch (...) {
    return make(500, "unexpected error");
  }
}

}  // namespace vic::server
