#include "vicapi/soap/fault.h"

#include <unordered_map>

namespace vic {

namespace {

// The vim25 faults whose meaning the rest of the product acts on; any other
// is the target's own trouble.
ErrorCode codeForFault(const std::string& type) {
  static const std::unordered_map<std::string, ErrorCode> kCodes = {
      {"NotAuthenticated", ErrorCode::Unauthenticated},
      {"InvalidLogin", ErrorCode::Unauthenticated},
      {"NoPermission", ErrorCode::PermissionDenied},
      {"ManagedObjectNotFound", ErrorCode::NotFound},
      {"NotFound", ErrorCode::NotFound},
      {"FileNotFound", ErrorCode::NotFound},
      {"DuplicateName", ErrorCode::AlreadyExists},
      {"FileAlreadyExists", ErrorCode::AlreadyExists},
      {"InvalidArgument", ErrorCode::InvalidArgument},
      {"InvalidState", ErrorCode::FailedPrecondition},
      {"InvalidPowerState", ErrorCode::FailedPrecondition},
      {"InvalidDatastoreState", ErrorCode::FailedPrecondition},
      {"InvalidHostState", ErrorCode::FailedPrecondition},
      {"FileLocked", ErrorCode::FailedPrecondition},
      {"ResourceInUse", ErrorCode::FailedPrecondition},
  };
  auto it = kCodes.find(type);
  return it == kCodes.end() ? ErrorCode::Internal : it->second;
}

}  // namespace

VimFault::VimFault(std::string faultType, std::string serverMessage, soap::Node detail,
                   std::string what)
    : Error(std::move(what), codeForFault(faultType)),
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
                          const std::string& w) {
  throw T(t, m, d, w);
}

void throwFault(const std::string& context, const std::string& faultType,
                const std::string& serverMessage, const Node& detail) {
  using Raiser = void (*)(const std::string&, const std::string&, const Node&, const std::string&);
  static const std::unordered_map<std::string, Raiser> kByType = {
      {"NotAuthenticated", &throwAs<NotAuthenticatedFault>},
      {"NoPermission", &throwAs<NoPermissionFault>},
      {"InvalidLogin", &throwAs<InvalidLoginFault>},
      {"DuplicateName", &throwAs<DuplicateNameFault>},
      {"InvalidArgument", &throwAs<InvalidArgumentFault>},
      {"InvalidRequest", &throwAs<InvalidRequestFault>},
      {"MethodNotFound", &throwAs<MethodNotFoundFault>},
      {"ManagedObjectNotFound", &throwAs<ManagedObjectNotFoundFault>},
      {"NotFound", &throwAs<NotFoundFault>},
      {"InvalidState", &throwAs<InvalidStateFault>},
      {"InvalidDatastoreState", &throwAs<InvalidStateFault>},
      {"InvalidHostState", &throwAs<InvalidStateFault>},
      {"InvalidPowerState", &throwAs<InvalidPowerStateFault>},
      {"FileFault", &throwAs<FileFaultBase>},
      {"CannotAccessFile", &throwAs<FileFaultBase>},
      {"FileLocked", &throwAs<FileFaultBase>},
      {"FileNotFound", &throwAs<FileNotFoundFault>},
      {"FileAlreadyExists", &throwAs<FileAlreadyExistsFault>},
      {"NotSupported", &throwAs<NotSupportedFault>},
      {"ResourceInUse", &throwAs<ResourceInUseFault>},
  };
  std::string message = serverMessage.empty() ? describeFields(detail) : serverMessage;
  std::string what = context + ": " + faultType;
  if (!message.empty()) what += ": " + message;
  if (auto it = kByType.find(faultType); it != kByType.end())
    it->second(faultType, message, detail, what);
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
