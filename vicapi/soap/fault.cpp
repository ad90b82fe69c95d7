#include "vicapi/soap/fault.h"

#include <unordered_map>

namespace vic {

VimFault::VimFault(std::string faultType, std::string serverMessage, soap::Node detail,
                   std::string what, ErrorCode code)
    : Error(std::move(what), code),
      type_(std::move(faultType)),
      message_(std::move(serverMessage)),
      detail_(std::move(detail)) {}

namespace soap {

namespace {

// Faults whose detail carries the useful words when the server's message is
// empty: the first non-empty of these fields is quoted.
std::string describeFields(const Node& detail) {
  static const char* const kFields[] = {"invalidProperty", "name", "file",  "obj",
                                        "datastore",       "msg",  "reason"};
  std::string out;
  for (const char* f : kFields) {
    const Node* n = detail.find(f);
    if (n && !n->text.empty()) {
      if (!out.empty()) out += ", ";
      out += std::string(f) + " " + n->text;
    }
  }
  return out;
}

// The fault element's name is "<Type>Fault" in SOAP details; xsi:type wins when present.
std::string faultTypeOf(const Node& detail) {
  if (!detail.xsiType.empty()) return detail.xsiType;
  std::string n = detail.name;
  if (n.size() > 5 && n.compare(n.size() - 5, 5, "Fault") == 0) n.resize(n.size() - 5);
  return n;
}

}  // namespace

template <class T>
[[noreturn]] void throwAs(const std::string& t, const std::string& m, const Node& d,
                          const std::string& w, ErrorCode c) {
  throw T(t, m, d, w, c);
}

void throwFault(const std::string& context, const std::string& faultType,
                const std::string& serverMessage, const Node& detail) {
  // The faults callers act on: their C++ type, and the code that says what
  // kind of failure each is (any other is the target's own trouble).
  struct Kind {
    void (*raise)(const std::string&, const std::string&, const Node&, const std::string&,
                  ErrorCode);
    ErrorCode code;
  };
  static const std::unordered_map<std::string, Kind> kByType = {
      {"NotAuthenticated", {&throwAs<NotAuthenticatedFault>, ErrorCode::Unauthenticated}},
      {"NoPermission", {&throwAs<NoPermissionFault>, ErrorCode::PermissionDenied}},
      {"InvalidLogin", {&throwAs<InvalidLoginFault>, ErrorCode::Unauthenticated}},
      {"DuplicateName", {&throwAs<DuplicateNameFault>, ErrorCode::AlreadyExists}},
      {"InvalidArgument", {&throwAs<InvalidArgumentFault>, ErrorCode::InvalidArgument}},
      {"InvalidRequest", {&throwAs<InvalidRequestFault>, ErrorCode::Internal}},
      {"MethodNotFound", {&throwAs<MethodNotFoundFault>, ErrorCode::Internal}},
      {"ManagedObjectNotFound", {&throwAs<ManagedObjectNotFoundFault>, ErrorCode::NotFound}},
      {"NotFound", {&throwAs<NotFoundFault>, ErrorCode::NotFound}},
      {"InvalidState", {&throwAs<InvalidStateFault>, ErrorCode::FailedPrecondition}},
      {"InvalidDatastoreState", {&throwAs<InvalidStateFault>, ErrorCode::FailedPrecondition}},
      {"InvalidHostState", {&throwAs<InvalidStateFault>, ErrorCode::FailedPrecondition}},
      {"InvalidPowerState", {&throwAs<InvalidPowerStateFault>, ErrorCode::FailedPrecondition}},
      {"FileFault", {&throwAs<FileFaultBase>, ErrorCode::Internal}},
      {"CannotAccessFile", {&throwAs<FileFaultBase>, ErrorCode::Internal}},
      {"FileLocked", {&throwAs<FileFaultBase>, ErrorCode::FailedPrecondition}},
      {"FileNotFound", {&throwAs<FileNotFoundFault>, ErrorCode::NotFound}},
      {"FileAlreadyExists", {&throwAs<FileAlreadyExistsFault>, ErrorCode::AlreadyExists}},
      {"NotSupported", {&throwAs<NotSupportedFault>, ErrorCode::Internal}},
      {"ResourceInUse", {&throwAs<ResourceInUseFault>, ErrorCode::FailedPrecondition}},
  };
  std::string message = serverMessage.empty() ? describeFields(detail) : serverMessage;
  std::string what = context + ": " + faultType;
  if (!message.empty()) what += ": " + message;
  if (auto it = kByType.find(faultType); it != kByType.end())
    it->second.raise(faultType, message, detail, what, it->second.code);
  throw VimFault(faultType, message, detail, what);
}

void throwSoapFault(const std::string& context, const Node& fault) {
  std::string message = fault.textOf("faultstring");
  Node detail;
  if (const Node* d = fault.find("detail"); d && !d->children.empty()) detail = d->children.front();
  std::string type = detail.name.empty() ? std::string("SystemError") : faultTypeOf(detail);
  throwFault(context, type, message, detail);
}

void throwMethodFault(const std::string& context, const Node& localizedFault) {
  Node detail;
  if (const Node* f = localizedFault.find("fault")) detail = *f;
  std::string type = detail.xsiType.empty() ? std::string("SystemError") : detail.xsiType;
  std::string message = localizedFault.textOf("localizedMessage");
  // vcsim puts a Go type name ("*types.InvalidPowerState") where vCenter puts prose.
  if (!message.empty() && message.front() == '*') message.clear();
  throwFault(context, type, message, detail);
}

}  // namespace soap
}  // namespace vic
